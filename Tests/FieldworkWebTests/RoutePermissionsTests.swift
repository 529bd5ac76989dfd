import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Roles on every route: the routes come from the real router (pages, API, static files, every
/// method), so a route registered without an entry in `RoutePermissions.table` fails here; then
/// each route is requested by each role and must be refused (403 `forbidden_role`) exactly when
/// the table says so.
@Suite struct RoutePermissionsTests {
    @Test func everyRegisteredRouteHasExactlyOneEntryAndNoEntryIsStale() async throws {
        let fixture = try await TeamFixture()
        let routes = try fixture.router().routes.filter { $0.method != .head }
        #expect(routes.count > 60)
        var keys: Set<String> = []
        for route in routes {
            let key = "\(route.method.rawValue) \(route.path)"
            #expect(RoutePermissions.table[key] != nil, "\(key) has no entry in RoutePermissions.table")
            // The entry found for the route's own path is the route's, not a broader pattern's.
            #expect(RoutePermissions.key(method: route.method, path: route.path.description) == key, "\(key)")
            keys.insert(key)
        }
        // Every entry is a route, or a path one route serves (`/static/app.css`, open for the login form).
        let patterns = routes.map { ($0.method.rawValue, $0.path.description.split(separator: "/")) }
        let stale = RoutePermissions.table.keys.filter { key in
            let parts = key.split(separator: " ")
            let segments = parts[1].split(separator: "/")
            return !patterns.contains { method, pattern in
                method == parts[0] && pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
            }
        }
        #expect(stale.sorted() == [], "entries for routes that do not exist")
        // Every operation the OpenAPI document lists is a route of the team server.
        let openAPI = try Data(contentsOf: MessageCatalogueTests.sources.appending(path: "Static/openapi.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: openAPI) as? [String: Any])
        for (path, operations) in try #require(document["paths"] as? [String: [String: Any]]) {
            for method in operations.keys { #expect(keys.contains("\(method.uppercased()) \(path)"), "\(method) \(path) is documented but not routed") }
        }
    }

    @Test func everyRoleIsRefusedExactlyTheRoutesTheTableDeniesIt() async throws {
        let fixture = try await TeamFixture()
        let router = try fixture.router()
        // Logging out ends the session: it goes last.
        let routes = router.routes.filter { $0.method != .head }.map { (method: $0.method, pattern: $0.path.description) }
            .sorted { "\($0.method) \($0.pattern)" == "POST /logout" ? false : "\($1.method) \($1.pattern)" == "POST /logout" ? true : "\($0)" < "\($1)" }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: WebFixture.port)))
        try await app.test(.router) { client in
            for role in Role.allCases {
                let browser = try await TeamFixture.login(client, role.rawValue)
                for route in routes {
                    let key = "\(route.method.rawValue) \(route.pattern)"
                    // A sample value for each capture: enough to reach the handler (which may then say 404 or 400).
                    let path = route.pattern.replacing(/\{[a-z_]+\}/, with: "x")
                    let writes = route.method != .get
                    let (status, code, location) = try await client.execute(uri: path, method: route.method,
                                                                            headers: writes ? browser.writeHeaders : browser.headers,
                                                                            body: writes ? ByteBuffer(string: "{}") : nil) {
                        ($0.status, errorCode($0.body) ?? Self.htmlErrorCode($0), $0.headers[.location])
                    }
                    let allowed: Bool = switch RoutePermissions.table[key] {
                    case .anonymous: true
                    case .roles(let roles): roles.contains(role)
                    case nil: false
                    }
                    if allowed {
                        // Whatever the handler makes of the sample input (404, 400, a refused login), the session and role let it through.
                        #expect(code != "forbidden_role" && code != "unauthorized" && code != "csrf", "\(role.rawValue): \(key) was refused (\(status) \(code ?? ""))")
                        #expect(location?.hasPrefix("/login?next=") != true, "\(role.rawValue): \(key) was sent to log in")
                    } else {
                        #expect(status == .forbidden && code == "forbidden_role", "\(role.rawValue): \(key) gave \(status) \(code ?? "")")
                    }
                }
            }
        }
    }

    /// A read-only server (a hot standby): every route that is not a GET is refused with 503
    /// `read_only` naming the primary, except logging in and out; every GET is served, with the
    /// notice; the logins, exports and logouts go to its own audit chain, and neither the
    /// workspace's log nor the database's audit head moves. The real standby: PostgresStandbyCLITests.
    @Test func aReadOnlyServerRefusesEveryWriteAndAuditsInItsOwnLog() async throws {
        let fixture = try await TeamFixture()
        let serving = ReadOnlyServing(.standby, primary: "https://fieldwork.example.org")
        let policy = HostPolicy(port: BoundPort(WebFixture.port))
        let router = try buildRouter(context: fixture.context, token: fixture.base.token, hostPolicy: policy, team: fixture.team,
                                     readOnly: serving)
        let logged = try await fixture.context.audit.entries().count, head = try await fixture.context.store.auditHead()
        let routes = router.routes.filter { $0.method != .head && "\($0.method.rawValue) \($0.path)" != "POST /logout" }
            .map { (method: $0.method, pattern: $0.path.description) }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: WebFixture.port)))
        try await app.test(.router) { client in
            try await client.execute(uri: "/login", method: .get, headers: fixture.host) { response in
                #expect(String(buffer: response.body).contains("id=\"read-only-notice\""))
            }
            let browser = try await TeamFixture.login(client, "admin")
            for route in routes {
                let key = "\(route.method.rawValue) \(route.pattern)"
                let path = route.pattern.replacing(/\{[a-z_]+\}/, with: "x")
                let writes = route.method != .get
                let (status, code, body) = try await client.execute(uri: path, method: route.method,
                                                                    headers: writes ? browser.writeHeaders : browser.headers,
                                                                    body: writes ? ByteBuffer(string: "{}") : nil) {
                    ($0.status, errorCode($0.body), jsonObject($0.body)?["detail"] as? String ?? "")
                }
                if RoutePermissions.servedReadOnly(method: route.method, path: route.pattern) {
                    #expect(status != .serviceUnavailable, "\(key) was refused on a read-only server")
                } else {
                    #expect(status == .serviceUnavailable && code == "read_only", "\(key) gave \(status) \(code ?? "")")
                    #expect(body.contains("this server is a read-only standby; write on the primary at https://fieldwork.example.org"), "\(key)")
                }
            }
            try await client.execute(uri: "/documents/int-001", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok && html.contains(" data-read-only data-no-changes=\"server\">") && html.contains("id=\"read-only-notice\""))
                #expect(html.contains("<a href=\"https://fieldwork.example.org\">https://fieldwork.example.org</a>"))
            }
            try await client.execute(uri: "/api/retrieval.csv?code=need", method: .get, headers: browser.headers) { #expect($0.status == .ok) }
            var form = TeamFixture.formHeaders()
            form[.cookie] = browser.cookie
            try await client.execute(uri: "/logout", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(browser.csrf)")) {
                #expect($0.status == .seeOther)
            }
        }
        #expect(try await fixture.context.audit.entries().count == logged)
        #expect(try await fixture.context.store.auditHead() == head)
        let standby = AuditLog.standby(fixture.context.workspace)
        let actions = try await standby.entries().map(\.action)
        #expect(actions.first == .login && actions.last == .logout && actions.contains(.export), "\(actions)")
        let verified = try await standby.verify()
        #expect(verified.intact && verified.entries == actions.count, "\(verified.problems)")
        // Its head, kept in a file beside it, catches lines cut off the end.
        let lines = try String(contentsOf: standby.url, encoding: .utf8).split(separator: "\n")
        try Data(lines.dropLast().map { $0 + "\n" }.joined().utf8).write(to: standby.url)
        #expect(try await standby.verify().problems == [
            "audit/standby.jsonl: audit/standby.head saw \(lines.count) entries appended but the log ends at \(lines.count - 1) (entries were removed from the end)",
        ])
    }

    /// The roles as the README's table states them, spot-checked against the table.
    @Test func theRolesMeanWhatTheReadmeSays() {
        func allows(_ role: Role, _ method: HTTPRequest.Method, _ path: String) -> Bool { RoutePermissions.allows(role, method, path) }
        #expect(!allows(.facilitator, .get, "/documents/int-001") && !allows(.facilitator, .get, "/api/documents/int-001"))
        #expect(!allows(.facilitator, .get, "/search") && !allows(.facilitator, .get, "/retrieval"))
        #expect(allows(.facilitator, .get, "/handouts/need.safety") && allows(.facilitator, .get, "/handouts/workshops/w1"))
        #expect(allows(.analyst, .get, "/api/retrieval.csv") && allows(.analyst, .get, "/matrix") && allows(.analyst, .get, "/documents/int-001"))
        #expect(!allows(.analyst, .post, "/api/codings") && !allows(.analyst, .post, "/api/memos") && !allows(.analyst, .patch, "/api/codebook/codes/x"))
        #expect(allows(.researcher, .post, "/api/codings") && allows(.researcher, .delete, "/api/memos/m1"))
        #expect(!allows(.researcher, .get, "/audit") && allows(.admin, .get, "/audit"))
        #expect(Role.allCases.allSatisfy { allows($0, .head, "/static/app.js") })
        // A path no entry names is no one's.
        #expect(!allows(.admin, .get, "/nowhere") && RoutePermissions.access(method: .put, path: "/api/codings") == nil)
    }

    /// An HTML error page carries no machine code; the refusal's detail names the role.
    static func htmlErrorCode(_ response: TestResponse) -> String? {
        let body = String(buffer: response.body)
        return response.status == .forbidden && body.contains("may not use this") ? "forbidden_role" : nil
    }
}

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

import FieldworkServices
import FieldworkCore
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SecurityTests {
    @Test func everyRouteRefusesRequestsWithoutASession() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            for path in ["/", "/documents/int-001", "/codebook", "/api/documents", "/api/openapi.json", "/static/app.css", "/static/codes.css", "/nope"] {
                try await client.execute(uri: path, method: .get, headers: fixture.host) { response in
                    #expect(response.status == .unauthorized, "\(path)")
                }
            }
            try await client.execute(uri: "/api/documents", method: .get, headers: fixture.host) { response in
                let error = try #require(try json(response.body) as? [String: String])
                #expect(error["error"] == "unauthorized" && error["detail"]?.isEmpty == false)
            }
        }
    }

    @Test func theTokenIsExchangedForAStrictHttpOnlyCookieAndStrippedFromTheURL() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/?token=wrong", method: .get, headers: fixture.host) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
            }
            try await client.execute(uri: "/codebook?token=\(fixture.token.value)", method: .get, headers: fixture.host) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/codebook")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            }
            let browser = try await Browser.signIn(client, token: fixture.token)
            #expect(browser.csrf.count >= 32)
            try await client.execute(uri: "/", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
            // A forged cookie gets nothing.
            try await client.execute(uri: "/", method: .get, headers: [HTTPField.Name.hostHeader: browser.host, .cookie: "fieldwork_session=forged"]) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test(arguments: ["evil.example", "localhost.evil.example", "0.0.0.0:8470", "localhost:9999", "127.0.0.1.nip.io:8470",
                      "evil.example:8470", "[::1]:1", "localhost@evil.example", ""])
    func foreignHostsAreRefused(host: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/?token=\(fixture.token.value)", method: .get, headers: [HTTPField.Name.hostHeader: host]) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test(arguments: ["localhost:8470", "127.0.0.1:8470", "[::1]:8470", "LOCALHOST:8470", "localhost"])
    func loopbackHostsAreServed(host: String) async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)
            try await client.execute(uri: "/api/status", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func stateChangesNeedTheSessionsCSRFTokenAndASameOrigin() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let coding = try body(["document": "int-001", "start": 20, "end": 30, "code": "need", "coder": "Anna"])
            var noToken = browser.headers
            noToken[.contentType] = "application/json"
            try await client.execute(uri: "/api/codings", method: .post, headers: noToken, body: coding) { response in
                #expect(response.status == .forbidden)
                #expect(errorCode(response.body) == "csrf")
            }
            var wrong = browser.writeHeaders
            wrong[HTTPField.Name("X-CSRF-Token")!] = "not-the-token"
            try await client.execute(uri: "/api/codings", method: .post, headers: wrong, body: coding) { response in
                #expect(response.status == .forbidden)
            }
            var foreign = browser.writeHeaders
            foreign[.origin] = "http://evil.example"
            try await client.execute(uri: "/api/codings", method: .post, headers: foreign, body: coding) { response in
                #expect(response.status == .forbidden)
                #expect(errorCode(response.body) == "forbidden_origin")
            }
            var sameOrigin = browser.writeHeaders
            sameOrigin[.origin] = "http://localhost:8470"
            try await client.execute(uri: "/api/codings", method: .post, headers: sameOrigin, body: coding) { response in
                #expect(response.status == .created)
            }
            #expect(try await fixture.context.store.counts().codings == 1)
        }
    }

    @Test func aHostileTranscriptRendersInert() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/documents/note-001", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("<img src=x"))
                #expect(!html.contains("href=\"javascript:"))
                // The only scripts are same-origin: the message catalogue and the module.
                #expect(html.components(separatedBy: "<script").count == 3)
                #expect(html.contains("<script src=\"/static/messages.en.js\"></script>"))
                #expect(html.contains("<script type=\"module\" src=\"/static/app.js\"></script>"))
            }
        }
    }

    static let hostile = "<script>alert('x')</script>\"'"
    static let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&#39;"

    /// Over a real socket: a code name from the codebook, a coder name and memo from a request,
    /// and query values come back as escaped text on every page that shows them, never as markup
    /// or as the end of an attribute (`"` and `'` included).
    @Test func hostileNamesAndQueriesStayTextOnThePages() async throws {
        let fixture = try await WebFixture()
        let codebook = fixture.root.appending(path: "codebooks/fieldwork.yaml")
        let yamlName = Self.hostile.replacingOccurrences(of: "'", with: "''")
        try (try String(contentsOf: codebook, encoding: .utf8))
            .replacingOccurrences(of: "name: {en: Feeling safe at night, sv: Att känna sig trygg på natten}", with: "name: '\(yamlName)'")
            .write(to: codebook, atomically: true, encoding: .utf8)
        #expect(try await fixture.context.ingest.ingest().succeeded)
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-001", "start": 20, "end": 30, "code": "need.safety.night",
                                                     "coder": Self.hostile, "memo": Self.hostile])) { response in
                #expect(response.status == .created)
            }
            let query = try #require(Self.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let pages = ["/documents/int-001", "/codebook", "/retrieval?code=need.safety.night", "/retrieval?code=need&attribute=role%3D\(query)",
                         "/search?q=\(query)", "/?text=\(query)", "/orphans?coder=\(query)", "/cooccurrence?coder=\(query)", "/matrix",
                         "/needs", "/needs/need.safety.night", "/handouts/need.safety.night"]
            for page in pages {
                try await client.execute(uri: page, method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok, "\(page)")
                    #expect(html.contains(Self.escaped), "\(page) shows the hostile text escaped")
                    #expect(!html.contains("<script>alert") && !html.contains("\"'"), "\(page)")
                }
            }
        }
    }
}

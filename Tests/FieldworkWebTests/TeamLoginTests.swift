import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Team mode's login, logout, rate limiting and audit, through the real router.
@Suite struct TeamLoginTests {
    static func auditEntries(_ fixture: TeamFixture, _ actions: Set<AuditAction>) async throws -> [AuditEntry] {
        try await fixture.context.audit.entries().filter { actions.contains($0.action) }
    }

    @Test func withoutALoginPagesGoToTheLoginFormAndTheTokenOpensNothing() async throws {
        let fixture = try await TeamFixture()
        try await fixture.app().test(.router) { client in
            for uri in ["/", "/documents/int-001?x=1", "/?token=\(fixture.base.token.value)"] {
                try await client.execute(uri: uri, method: .get, headers: fixture.host) { response in
                    #expect(response.status == .seeOther, "\(uri)")
                    #expect(response.headers[.location]?.hasPrefix("/login?next=%2F") == true, "\(uri)")
                    #expect(response.headers[.setCookie] == nil)
                }
            }
            for uri in ["/api/documents", "/static/codes.css", "/api/openapi.json"] {
                try await client.execute(uri: uri, method: .get, headers: fixture.host) { #expect($0.status == .unauthorized, "\(uri)") }
            }
            try await client.execute(uri: "/login?next=/codebook", method: .get, headers: fixture.host) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(body.contains("<form method=\"post\" action=\"/login\"") && body.contains("autocomplete=\"current-password\""))
                #expect(body.contains("name=\"next\" value=\"/codebook\"") && body.contains("<h2>Log in</h2>"))
            }
            var swedish = fixture.host
            swedish[.acceptLanguage] = "sv"
            try await client.execute(uri: "/login", method: .get, headers: swedish) { response in
                #expect(String(buffer: response.body).contains("<h2>Logga in</h2>") && String(buffer: response.body).contains("lang=\"sv\""))
            }
            // The login form's stylesheet is open; nothing else of the static files is.
            try await client.execute(uri: "/static/app.css", method: .get, headers: fixture.host) { #expect($0.status == .ok) }
            try await client.execute(uri: "/static/app.js", method: .get, headers: fixture.host) { #expect($0.status == .unauthorized) }
        }
    }

    @Test func aLoginSetsAStrictHttpOnlyCookieAndEveryAttemptIsAudited() async throws {
        let fixture = try await TeamFixture()
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/login", method: .post, headers: TeamFixture.formHeaders(),
                                     body: TeamFixture.loginBody("researcher", TeamFixture.password, next: "/codebook")) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/codebook")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/") && !cookie.contains("Secure"))
            }
            try await client.execute(uri: "/login", method: .post, headers: TeamFixture.formHeaders(),
                                     body: TeamFixture.loginBody("researcher", "fel lösenord 123")) { response in
                #expect(response.status == .unauthorized && response.headers[.setCookie] == nil)
                #expect(String(buffer: response.body).contains("Wrong account name or password, or the account is disabled."))
                #expect(String(buffer: response.body).contains("value=\"researcher\""))
            }
            // A name that is no account's may be a password typed in the wrong field: not logged.
            try await client.execute(uri: "/login", method: .post, headers: TeamFixture.formHeaders(),
                                     body: TeamFixture.loginBody("hemligtlösenord", TeamFixture.password)) { #expect($0.status == .unauthorized) }
            // A form posted from a no-referrer page says Origin: null; only the browser's Sec-Fetch-Site vouches for it.
            try await client.execute(uri: "/login", method: .post, headers: TeamFixture.formHeaders([.origin: "null"]),
                                     body: TeamFixture.loginBody("researcher", TeamFixture.password)) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/login", method: .post, headers: TeamFixture.formHeaders([.origin: "null", HTTPField.Name("Sec-Fetch-Site")!: "cross-site"]),
                                     body: TeamFixture.loginBody("researcher", TeamFixture.password)) { #expect($0.status == .forbidden) }
            // From another origin: refused before any check.
            try await client.execute(uri: "/login", method: .post, headers: TeamFixture.formHeaders([.origin: "http://evil.example"]),
                                     body: TeamFixture.loginBody("researcher", TeamFixture.password)) { #expect($0.status == .forbidden) }
        }
        let entries = try await Self.auditEntries(fixture, [.login, .loginFailed])
        #expect(entries.map(\.action) == [.login, .loginFailed, .loginFailed])
        #expect(entries.map(\.by) == ["researcher", "researcher", "unknown account"])
        #expect(entries.map { $0.details["reason"] } == [nil, "wrong_password", "unknown_account"])
        #expect(entries.allSatisfy { $0.details["client"] == "unknown" })
        let log = try String(contentsOf: fixture.base.root.appending(path: "audit/log.jsonl"), encoding: .utf8)
        #expect(!log.contains(TeamFixture.password) && !log.contains("fel lösenord") && !log.contains("hemligtlösenord"))
    }

    @Test func behindTheReverseProxyTheCookieIsSecureAndItsHTTPSOriginIsAccepted() async throws {
        let fixture = try await TeamFixture(team: TeamAccess(tlsProxy: true))
        try await fixture.app().test(.router) { client in
            var headers = TeamFixture.formHeaders([.origin: "https://\(TeamFixture.proxied)", HTTPField.Name("X-Forwarded-Proto")!: "https"])
            headers[HTTPField.Name.hostHeader] = TeamFixture.proxied
            try await client.execute(uri: "/login", method: .post, headers: headers,
                                     body: TeamFixture.loginBody("analyst", TeamFixture.password)) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.setCookie]?.contains("Secure") == true)
            }
        }
    }

    @Test func repeatedFailuresLockTheAccountAndThenTheAddressWithAClearMessage() async throws {
        let fixture = try await TeamFixture(team: TeamAccess(tlsProxy: true, throttle: LoginThrottle(perAccount: 5, perAddress: 8)))
        try await fixture.app().test(.router) { client in
            func attempt(_ name: String, _ password: String, from address: String) async throws -> (HTTPResponse.Status, String, String?) {
                try await client.execute(uri: "/login", method: .post, headers: TeamFixture.formHeaders([HTTPField.Name("X-Forwarded-For")!: "10.9.9.9, \(address)"]),
                                         body: TeamFixture.loginBody(name, password)) {
                    ($0.status, String(buffer: $0.body), $0.headers[.retryAfter])
                }
            }
            for _ in 1...5 { #expect(try await attempt("researcher", "fel lösenord 123", from: "192.0.2.1").0 == .unauthorized) }
            // The sixth, even with the right password and from elsewhere, is refused unchecked.
            let locked = try await attempt("RESEARCHER", TeamFixture.password, from: "192.0.2.2")
            #expect(locked.0 == .tooManyRequests)
            #expect(locked.1.contains("Too many failed logins for this account. Try again in 15 minutes."))
            #expect(Int(locked.2 ?? "") ?? 0 > 800)
            // Another account from the first address is still let in, until the address has failed 8 times.
            #expect(try await attempt("analyst", TeamFixture.password, from: "192.0.2.1").0 == .seeOther)
            for name in ["a", "b", "c"] { #expect(try await attempt(name, "fel lösenord 123", from: "192.0.2.1").0 == .unauthorized) }
            let address = try await attempt("facilitator", TeamFixture.password, from: "192.0.2.1")
            #expect(address.0 == .tooManyRequests && address.1.contains("Too many failed logins from this computer."))
            #expect(try await attempt("facilitator", TeamFixture.password, from: "192.0.2.3").0 == .seeOther)
        }
        let failures = try await Self.auditEntries(fixture, [.loginFailed])
        #expect(failures.filter { $0.details["reason"] == "rate_limited_account" }.map(\.by) == ["researcher"])
        #expect(failures.filter { $0.details["reason"] == "rate_limited_address" }.map { $0.details["client"] } == ["192.0.2.1"])
    }

    /// The header offers search only to roles that may search.
    @Test func theSearchBoxIsOfferedOnlyToRolesThatMaySearch() async throws {
        let fixture = try await TeamFixture()
        try await fixture.app().test(.router) { client in
            for (name, offered) in [("facilitator", false), ("researcher", true)] {
                let browser = try await TeamFixture.login(client, name)
                try await client.execute(uri: "/codebook", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("id=\"search-q\"") == offered, "\(name)")
                }
            }
        }
    }

    /// An analyst was offered every write control (each refused with an English 403) and a
    /// facilitator document titles that answered 403 (found by a new user): a role that may not
    /// change the study gets pages marked so (reader.css hides the controls), and titles are
    /// links only for roles that may open documents.
    @Test func pagesOfferOnlyWhatTheRoleMayDo() async throws {
        let fixture = try await TeamFixture()
        try await fixture.app().test(.router) { client in
            for (name, changes, opens) in [("researcher", true, true), ("analyst", false, true), ("facilitator", false, false)] {
                let browser = try await TeamFixture.login(client, name)
                try await client.execute(uri: "/", method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("data-no-changes=\"role\"") == !changes, "\(name)")
                    #expect(html.contains("<a href=\"/documents/int-001\">") == opens, "\(name)")
                    #expect(html.contains("int-001"), "\(name): the document is listed")
                }
                // The other pages a facilitator opens link nowhere that answers 403 either.
                for page in ["/codebook", "/register", "/solutions"] {
                    try await client.execute(uri: page, method: .get, headers: browser.headers) { response in
                        let html = String(buffer: response.body)
                        #expect(response.status == .ok, "\(name) \(page)")
                        for target in ["href=\"/needs/", "href=\"/documents/", "href=\"/retrieval"] where html.contains(target) {
                            #expect(opens, "\(name) \(page) links \(target)")
                        }
                        if page == "/codebook" { #expect(html.contains("href=\"/retrieval?code=") == opens, "\(name)") }
                        if page == "/register" { #expect(html.contains("href=\"/documents/pl-") == opens, "\(name)") }
                    }
                }
            }
        }
    }

    @Test func logoutEndsTheSessionAndIsAudited() async throws {
        let fixture = try await TeamFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await TeamFixture.login(client, "facilitator")
            var headers = TeamFixture.formHeaders()
            headers[.cookie] = browser.cookie
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=wrong")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/logout", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(browser.csrf)")) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/login")
                #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/codebook", method: .get, headers: browser.headers) { #expect($0.status == .seeOther) }
        }
        #expect(try await Self.auditEntries(fixture, [.login, .logout]).map { "\($0.action.rawValue) \($0.by)" } == ["login facilitator", "logout facilitator"])
    }

    @Test func theAccountIsTheCoderAndADisabledAccountsSessionEnds() async throws {
        let fixture = try await TeamFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await TeamFixture.login(client, "researcher")
            try await client.execute(uri: "/documents/int-001", method: .get, headers: browser.headers) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("<meta name=\"fieldwork-account\" content=\"researcher\">") && !body.contains("coder-button"))
                #expect(body.contains("action=\"/logout\"") && !body.contains("href=\"/audit\""))
            }
            let coding: [String: Any] = ["document": "int-001", "start": 13, "end": 18, "code": "need.safety"]
            var other = coding
            other["coder"] = "Someone Else"
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(other)) { response in
                #expect(response.status == .forbidden && errorCode(response.body) == "not_your_name")
            }
            var mine = coding
            mine["coder"] = "researcher"
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(mine)) { response in
                #expect(response.status == .created)
                #expect(jsonObject(response.body)?["coder"] as? String == "researcher")
            }
            try await fixture.accounts.setDisabled(name: "researcher", true)
            try await client.execute(uri: "/api/codings", method: .get, headers: browser.headers) { #expect($0.status == .unauthorized) }
            try await fixture.accounts.setDisabled(name: "researcher", false)
            try await client.execute(uri: "/api/codings", method: .get, headers: browser.headers) { #expect($0.status == .unauthorized, "the ended session stays ended") }
        }
    }

    @Test func theThrottleCountsOnlyFailuresInsideItsWindow() {
        let throttle = LoginThrottle(perAccount: 2, perAddress: 3, window: 100)
        let start = Date(timeIntervalSince1970: 1_000_000)
        throttle.recordFailure(account: "Anna", address: "a", now: start)
        throttle.recordFailure(account: "anna", address: "a", now: start.addingTimeInterval(10))
        #expect(throttle.check(account: "ANNA", address: "b", now: start.addingTimeInterval(20)) == .limitedAccount(retryAfter: 80))
        #expect(throttle.check(account: "Anna", address: "b", now: start.addingTimeInterval(101)) == .allowed)
        throttle.recordFailure(account: "Bo", address: "a", now: start.addingTimeInterval(30))
        #expect(throttle.check(account: "Cecilia", address: "a", now: start.addingTimeInterval(40)) == .limitedAddress(retryAfter: 60))
        throttle.recordSuccess(account: "anna")
        #expect(throttle.check(account: "Anna", address: "b", now: start.addingTimeInterval(40)) == .allowed)
    }
}

import FieldworkCore
import FieldworkServices
@testable import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// The sample workspace served in team mode, with one account per role (named after it:
/// "researcher", "facilitator", …, password `TeamFixture.password`), hashed at bcrypt cost 4 to
/// keep the suite quick.
struct TeamFixture {
    static let password = "lösenord för teamet"
    /// The host a reverse proxy serves the team server under, when `team.tlsProxy`.
    static let proxied = "fieldwork.example.org"
    let base: WebFixture
    var team: TeamAccess

    init(team: TeamAccess = TeamAccess()) async throws {
        base = try await WebFixture()
        self.team = team
        for role in Role.allCases {
            try await accounts.create(name: role.rawValue, role: role, password: Self.password)
        }
    }

    var context: FieldworkContext { base.context }
    var accounts: AccountService { AccountService(store: base.context.store, audit: base.context.audit, hasher: PasswordHasher(cost: 4)) }
    var host: HTTPFields { base.host }

    func router() throws -> Router<WebContext> {
        let policy = HostPolicy(port: BoundPort(WebFixture.port), proxiedHosts: team.tlsProxy ? [Self.proxied] : [])
        return try buildRouter(context: base.context, token: base.token, hostPolicy: policy, team: team)
    }

    func app() throws -> some ApplicationProtocol {
        var configuration = WebFixture.configuration(port: WebFixture.port, token: base.token)
        configuration.team = team
        if team.tlsProxy { configuration.proxiedHosts = [Self.proxied] }
        return try buildApplication(context: base.context, configuration: configuration)
    }

    /// `POST /login` as the browser's form sends it.
    static func loginBody(_ name: String, _ password: String, next: String = "/") -> ByteBuffer {
        let form = [("name", name), ("password", password), ("next", next)]
            .map { "\($0.0)=\(RetrievalPage.percentEncode($0.1))" }.joined(separator: "&")
        return ByteBuffer(string: form)
    }

    static func formHeaders(_ extra: HTTPFields = [:]) -> HTTPFields {
        var fields: HTTPFields = [HTTPField.Name.hostHeader: "localhost:\(WebFixture.port)", .contentType: "application/x-www-form-urlencoded"]
        fields.append(contentsOf: extra)
        return fields
    }

    /// Logs in and reads the page's CSRF token: a signed-in browser, as `Browser.signIn` gives in local mode.
    static func login(_ client: some TestClientProtocol, _ name: String, password: String = TeamFixture.password) async throws -> Browser {
        let cookie = try await client.execute(uri: "/login", method: .post, headers: formHeaders(), body: loginBody(name, password)) { response in
            guard response.status == .seeOther, let setCookie = response.headers[.setCookie] else {
                throw FixtureError("login of \(name) failed: \(response.status)")
            }
            return String(setCookie.split(separator: ";")[0])
        }
        let host = "localhost:\(WebFixture.port)"
        let csrf = try await client.execute(uri: "/codebook", method: .get, headers: [HTTPField.Name.hostHeader: host, .cookie: cookie]) { response in
            let html = String(buffer: response.body)
            guard let range = html.range(of: "name=\"csrf-token\" content=\""),
                  let end = html[range.upperBound...].firstIndex(of: "\"") else { throw FixtureError("no csrf meta for \(name)") }
            return String(html[range.upperBound..<end])
        }
        return Browser(cookie: cookie, csrf: csrf, host: host)
    }
}

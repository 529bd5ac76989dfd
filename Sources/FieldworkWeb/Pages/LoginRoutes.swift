import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Team mode's `GET /login`, `POST /login` and `POST /logout`. Every login, refusal and logout
/// is an audit entry (`login`, `login_failed`, `logout`) with the client's address — never the
/// password, and never a name typed that is no account's (it may be a password typed in the
/// wrong field).
struct LoginRoutes {
    let context: FieldworkContext
    let sessions: SessionStore
    let team: TeamAccess

    func register(on router: Router<WebContext>) {
        router.get("/login", use: form)
        router.post("/login", use: login)
        router.post("/logout", use: logout)
    }

    @Sendable func form(_ request: Request, context web: WebContext) async throws -> Response {
        let next = LanguageRoutes.localPath(request.uri.form.get("next"))
        if web.account != nil { return Response.redirect(to: next, type: .normal) }
        return page(LoginPage(t: Localizer(web.language), next: next, readOnly: web.readOnly), status: .ok)
    }

    @Sendable func login(_ request: Request, context web: WebContext) async throws -> Response {
        let form = FormQuery(String(buffer: try await request.body.collect(upTo: 16 * 1024)))
        // NFC: "Åsa" typed decomposed is the account "Åsa" (and one name to the rate limit).
        let name = NameClash.normalized((form.get("name") ?? "").trimmingCharacters(in: .whitespaces))
        let password = form.get("password") ?? ""
        let next = LanguageRoutes.localPath(form.get("next"))
        let address = team.clientAddress(request, web)
        let t = Localizer(web.language)
        var refused = LoginPage(t: t, next: next, name: String(name.prefix(AccountName.maxLength)), readOnly: web.readOnly)

        let verdict = team.throttle.check(account: name, address: address)
        if verdict != .allowed {
            let (key, wait) = switch verdict {
            case .limitedAccount(let wait): ("login.limitedAccount", wait)
            case .limitedAddress(let wait): ("login.limitedAddress", wait)
            case .allowed: ("", 0)
            }
            let known = try await context.accounts.account(named: name)
            try await audit(.loginFailed, by: known?.name, address: address,
                            ["reason": key == "login.limitedAccount" ? "rate_limited_account" : "rate_limited_address"])
            refused.problem = t(key, ["minutes": String((wait + 59) / 60)])
            var response = page(refused, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        switch try await context.accounts.authenticate(name: name, password: password) {
        case .accepted(let account):
            team.throttle.recordSuccess(account: account.name)
            let session = sessions.create(account: account.name)
            try await audit(.login, by: account.name, address: address)
            var response = Response.redirect(to: next, type: .normal)
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: session.id, path: "/", secure: Self.behindTLS(request),
                                      httpOnly: true, sameSite: .strict))
            return response
        case .refused(let account, let reason):
            team.throttle.recordFailure(account: name, address: address)
            try await audit(.loginFailed, by: account?.name, address: address, ["reason": reason])
            refused.problem = t("login.failed")
            return page(refused, status: .unauthorized)
        }
    }

    @Sendable func logout(_ request: Request, context web: WebContext) async throws -> Response {
        let form = FormQuery(String(buffer: try await request.body.collect(upTo: 16 * 1024)))
        guard let session = web.session, let account = web.account, let sent = form.get("csrf") ?? request.headers[CSRFMiddleware.header],
              SecretString.constantTimeEquals(session.csrfToken, sent) else {
            throw APIError(.forbidden, "csrf", "missing or wrong CSRF token; reload the page")
        }
        sessions.remove(id: session.id)
        try await audit(.logout, by: account.name, address: team.clientAddress(request, web))
        var response = Response.redirect(to: "/login", type: .normal)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: Self.behindTLS(request),
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// The proxy says the browser came over HTTPS: the cookie is Secure, never sent over plain HTTP.
    static func behindTLS(_ request: Request) -> Bool {
        request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    private func audit(_ action: AuditAction, by account: String?, address: String, _ details: [String: String] = [:]) async throws {
        var details = details
        details["client"] = address
        if account == nil { details["account"] = "unknown" }
        try await context.audit.append(action, by: account ?? "unknown account", details: details)
    }

    private func page(_ page: LoginPage, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page.html().rendered)))
    }
}

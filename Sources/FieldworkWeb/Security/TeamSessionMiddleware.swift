import FieldworkCore
import FieldworkServices
import Hummingbird

/// Team mode's session check: the session cookie must name a logged-in account that still
/// exists and is not disabled — read on every request, so disabling an account or changing its
/// role applies at once. Without one, a page asks to log in (303 to `/login?next=…`) and
/// everything else (API, static files, writes) gets 401; only the login form itself is open (`RoutePermissions.anonymous`).
struct TeamSessionMiddleware {
    let sessions: SessionStore
    let accounts: AccountService

    /// The session and its account into `context`; or the redirect to the login page.
    func admit(_ request: Request, _ context: inout WebContext) async throws -> Response? {
        if let id = context.cookie(SessionMiddleware.cookieName, of: request), let session = sessions.session(id: id), let name = session.account {
            if let account = try await accounts.account(named: name), !account.disabled {
                context.session = session
                context.account = account
            } else {
                sessions.remove(id: id)
            }
        }
        if context.account == nil, RoutePermissions.access(method: request.method, path: request.uri.path) != .anonymous {
            if request.method == .get, !request.uri.path.hasPrefix("/api/"), !request.uri.path.hasPrefix("/static/") {
                let next = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
                return Response.redirect(to: "/login?next=\(RetrievalPage.percentEncode(next))", type: .normal)
            }
            throw APIError(.unauthorized, "unauthorized", "log in first (/login)")
        }
        return nil
    }
}

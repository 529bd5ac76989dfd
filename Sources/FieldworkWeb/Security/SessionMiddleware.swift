import HTTPTypes
import Hummingbird

/// Every route needs a session. `?token=…` with the right access token creates one: the
/// response sets an HttpOnly, SameSite=Strict cookie and redirects to the same path without the
/// token, so the token does not linger in the address bar or reach any log.
struct SessionMiddleware {
    static let cookieName = "fieldwork_session"

    let token: AccessToken
    let sessions: SessionStore

    /// The session into `context`; or the redirect that answers a request carrying the token.
    func admit(_ request: Request, _ context: inout WebContext) throws -> Response? {
        if let candidate = request.uri.form.get("token") {
            guard token.matches(candidate) else { throw APIError(.unauthorized, "unauthorized", "the access token is not valid for this server") }
            let session = sessions.create()
            var response = Response.redirect(to: request.uri.path.isEmpty ? "/" : request.uri.path, type: .normal)
            // Behind the TLS-terminating proxy the cookie is Secure: it never travels over plain HTTP.
            let secure = request.headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
            response.setCookie(Cookie(name: Self.cookieName, value: session.id, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
            return response
        }
        guard let id = context.cookie(Self.cookieName, of: request), let session = sessions.session(id: id) else {
            throw APIError(.unauthorized, "unauthorized",
                           "open the address with the access token that `fieldwork serve` printed")
        }
        context.session = session
        return nil
    }
}

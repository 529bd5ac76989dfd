import HTTPTypes
import Hummingbird

/// State-changing requests (anything but GET and HEAD) must carry the session's CSRF token in
/// `X-CSRF-Token`, and a browser `Origin`, when sent, must be this server. A page elsewhere
/// cannot read the token (same-origin policy), so it cannot forge such a request.
struct CSRFMiddleware {
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!

    static let formPaths: Set<String> = ["/login", "/logout"]

    let policy: HostPolicy

    func check(_ request: Request, _ context: WebContext) throws {
        guard request.method != .get, request.method != .head else { return }
        let form = request.method == .post && Self.formPaths.contains(request.uri.path)
        // A form posted from a page with `Referrer-Policy: no-referrer` says `Origin: null`;
        // the browser's own `Sec-Fetch-Site` (no page can set it) then tells where it came from.
        let sameSiteForm = form && request.headers[.origin] == "null" && request.headers[Self.fetchSite] == "same-origin"
        guard sameSiteForm || policy.allowsOrigin(request.headers[.origin]) else {
            throw APIError(.forbidden, "forbidden_origin", "requests from another origin are refused")
        }
        if request.headers[Self.fetchSite] == "cross-site" {
            throw APIError(.forbidden, "forbidden_origin", "cross-site requests are refused")
        }
        // The login and logout forms are plain HTML forms, which cannot send a header: login has
        // no session yet (the Origin checks above stand), logout checks its form's token itself.
        if form { return }
        guard let session = context.session, let sent = request.headers[Self.header],
              SecretString.constantTimeEquals(session.csrfToken, sent) else {
            throw APIError(.forbidden, "csrf", "missing or wrong X-CSRF-Token header; reload the page")
        }
    }
}

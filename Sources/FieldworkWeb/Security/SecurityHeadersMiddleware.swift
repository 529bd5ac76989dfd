import HTTPTypes
import Hummingbird
import Logging

/// Headers on every response, errors included: a strict Content-Security-Policy (no inline
/// script or style, nothing from elsewhere), no sniffing, no framing, no referrer (the token
/// must never leak through one), no caching of anything served, and `Server-Timing` with the
/// time spent inside the server. `RequestGate` runs every check and the route inside it, so an
/// error anywhere becomes the API's error response with these headers.
enum SecurityHeadersMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "media-src 'self'",
        "connect-src 'self'", "font-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
        "base-uri 'none'",
    ].joined(separator: "; ")

    /// Names made once, not per response (a name is checked and lowercased when it is made).
    static let fixed: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, contentSecurityPolicy), (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"), (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"), (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
        (.cacheControl, "no-store"),
    ]

    /// `body`'s response, or the error it threw as a response, with the headers.
    static func respond(to request: Request, context: WebContext, _ body: () async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await body()
        } catch {
            let apiError = APIError.from(error, language: context.language)
            if apiError.status.kind == .serverError {
                // The response says only "see the server log": this is that log. The error's
                // type and description (GRDB's name the SQL, never its arguments); the path
                // without its query, which may hold search words.
                context.logger.error("\(apiError.status.code) on \(request.method.rawValue) \(request.uri.path)",
                                     metadata: ["error.type": "\(String(reflecting: type(of: error)))", "error": "\(error)"])
            }
            response = try apiError.response(from: request, context: context)
        }
        for (name, value) in fixed { response.headers[name] = value }
        // Server time for this request (visible in the browser's network panel; the benchmark
        // reads it), first, before the parts a route measured (`ServerTiming`).
        let milliseconds = ServerTiming.milliseconds(since: started)
        response.headers[ServerTiming.header] = "app;dur=\(milliseconds)" + (response.headers[ServerTiming.header].map { ", " + $0 } ?? "")
        context.logger.info("\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(milliseconds) ms")
        return response
    }
}

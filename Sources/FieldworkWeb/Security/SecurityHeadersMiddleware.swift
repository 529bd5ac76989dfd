import HTTPTypes
import Hummingbird
import Logging

/// Headers on every response, errors included: a strict Content-Security-Policy (no inline
/// script or style, nothing from elsewhere), no sniffing, no framing, no referrer (the token
/// must never leak through one), no caching of anything served, and `Server-Timing` with the
/// time spent inside the server.
struct SecurityHeadersMiddleware: RouterMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "media-src 'self'",
        "connect-src 'self'", "font-src 'self'", "form-action 'self'", "frame-ancestors 'none'",
        "base-uri 'none'",
    ].joined(separator: "; ")

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let apiError = APIError.from(error)
            if apiError.status.kind == .serverError {
                // The response says only "see the server log": this is that log. The error's
                // type and description (GRDB's name the SQL, never its arguments); the path
                // without its query, which may hold search words.
                context.logger.error("\(apiError.status.code) on \(request.method.rawValue) \(request.uri.path)",
                                     metadata: ["error.type": "\(String(reflecting: type(of: error)))", "error": "\(error)"])
            }
            response = try apiError.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        response.headers[.cacheControl] = "no-store"
        // Server time for this request (visible in the browser's network panel; the benchmark
        // reads it), first, before the parts a route measured (`ServerTiming`).
        let milliseconds = ServerTiming.milliseconds(since: started)
        response.headers[ServerTiming.header] = "app;dur=\(milliseconds)" + (response.headers[ServerTiming.header].map { ", " + $0 } ?? "")
        context.logger.info("\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(milliseconds) ms")
        return response
    }
}

import HTTPTypes
import Hummingbird

/// Keeps only light requests on the connection's event loop (`EventLoopAffineChannel`) and runs
/// every other one on Swift's global pool, as Hummingbird would without the preference.
///
/// An event loop serves many connections: a request that computes for long on it (a report over
/// the whole corpus, an export, a search) would hold up every other connection of that loop. Light
/// means bounded work per request, whatever the corpus: static files, one document's data (kept
/// per revision) and writes of one coding or memo. Everything else pays the two hops it always did.
struct WorkOffloadMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        if Self.isLight(request.method, request.uri.path) { return try await next(request, context) }
        return try await withTaskExecutorPreference(globalConcurrentExecutor) { try await next(request, context) }
    }

    static func isLight(_ method: HTTPRequest.Method, _ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch (method, parts.first, parts.count) {
        case (.get, "static", _), (.head, "static", _):
            return true
        case (.get, "api", 3):
            return parts[1] == "documents"  // /api/documents/ID: one document and its codings
        case (.post, "api", 2), (.patch, "api", 3), (.delete, "api", 3):
            return parts[1] == "codings" || parts[1] == "memos"
        case (.post, "api", 4):
            return parts[1] == "codings" && parts[3] == "reattach"
        default:
            return false
        }
    }
}

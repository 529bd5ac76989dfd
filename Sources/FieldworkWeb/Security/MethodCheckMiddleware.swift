import HTTPTypes
import Hummingbird

/// Methods no route of this server answers (TRACE, CONNECT, WebDAV's …) get 405 with `Allow`,
/// not the router's 404: the resource may exist, the method never does here. Runs after the
/// session check, so without a session every request still gets 401.
struct MethodCheckMiddleware: RouterMiddleware {
    static let allowed: [HTTPRequest.Method] = [.get, .head, .post, .patch, .delete]
    static let allowHeader = allowed.map(\.rawValue).joined(separator: ", ")

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard Self.allowed.contains(request.method) else {
            throw APIError(.methodNotAllowed, "method_not_allowed", "\(request.method.rawValue) is not supported; this server answers \(Self.allowHeader)",
                           headers: [HTTPField.Name("Allow")!: Self.allowHeader])
        }
        return try await next(request, context)
    }
}

import HTTPTypes
import Hummingbird

/// Methods no route of this server answers (TRACE, CONNECT, WebDAV's …) get 405 with `Allow`,
/// not the router's 404: the resource may exist, the method never does here. Runs after the
/// session check, so without a session every request still gets 401.
enum MethodCheckMiddleware {
    static let allowed: [HTTPRequest.Method] = [.get, .head, .post, .patch, .delete]
    static let allowHeader = allowed.map(\.rawValue).joined(separator: ", ")

    static func check(_ request: Request) throws {
        guard allowed.contains(request.method) else {
            throw APIError(.methodNotAllowed, "method_not_allowed", "\(request.method.rawValue) is not supported; this server answers \(Self.allowHeader)",
                           headers: [HTTPField.Name("Allow")!: Self.allowHeader])
        }
    }
}

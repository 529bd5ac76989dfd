import FieldworkCore
import Hummingbird

/// Team mode: each request goes on only when `RoutePermissions` lets the account's role use
/// its route. A route the table does not name is answered 404 for every role.
enum RoleMiddleware {
    static func check(_ request: Request, _ context: WebContext) throws {
        switch RoutePermissions.access(method: request.method, path: request.uri.path) {
        case nil:
            throw APIError(.notFound, "not_found", "no such page or API route")
        case .anonymous:
            break
        case .roles(let roles):
            guard let account = context.account else { throw APIError(.unauthorized, "unauthorized", "log in first (/login)") }
            guard roles.contains(account.role) else {
                throw APIError(.forbidden, "forbidden_role",
                               "the role \(account.role.rawValue) may not use this; it is open to \(roles.sorted().map(\.rawValue).joined(separator: ", "))")
            }
        }
    }
}

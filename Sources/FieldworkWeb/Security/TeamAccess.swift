import Foundation
import HTTPTypes
import Hummingbird

/// Team mode: the workspace has accounts (`fieldwork account create`), so the server asks
/// people to log in instead of printing an access token, and each route is open to the roles
/// `RoutePermissions` names. Nil in `WebServerConfiguration` is local (token) mode.
public struct TeamAccess: Sendable {
    /// Served behind a reverse proxy that terminates TLS (`serve --allowed-host`): the client
    /// address for login rate limiting is then the last `X-Forwarded-For` entry (the one the
    /// proxy added); without a proxy that header is anyone's to write and is ignored.
    public var tlsProxy: Bool
    public var throttle: LoginThrottle

    public init(tlsProxy: Bool = false, throttle: LoginThrottle = LoginThrottle()) {
        self.tlsProxy = tlsProxy
        self.throttle = throttle
    }

    /// The client's address as rate limiting counts it.
    func clientAddress(_ request: Request, _ context: WebContext) -> String {
        if tlsProxy, let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!]?.split(separator: ",").last {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress ?? "unknown"
    }
}

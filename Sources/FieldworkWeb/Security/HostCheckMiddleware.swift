import HTTPTypes
import Hummingbird

/// Refuses (403) any request whose `Host` is not a loopback name with this server's port.
struct HostCheckMiddleware {
    static let hostField = HTTPField.Name("Host")!

    let policy: HostPolicy

    func check(_ request: Request) throws {
        // The authority (HTTP/1.1 `Host`) and any raw `Host` field left in the headers must all
        // be loopback names with this port.
        guard policy.allowsHost(request.head.authority), request.headers[values: Self.hostField].allSatisfy({ policy.allowsHost($0) }) else {
            throw APIError(.forbidden, "forbidden_host", policy.proxiedHosts.isEmpty
                ? "this server only answers to localhost, 127.0.0.1 or [::1] on port \(policy.port)"
                : "this server only answers to its allowed host names and to loopback on port \(policy.port)")
        }
    }
}

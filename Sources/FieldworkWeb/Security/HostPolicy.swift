import Synchronization

/// The port a server listens on, set when it starts.
public final class BoundPort: Sendable {
    private let port: Atomic<Int>

    public init(_ value: Int = 0) {
        port = Atomic(value)
    }

    public var value: Int {
        get { port.load(ordering: .acquiring) }
        set { port.store(newValue, ordering: .releasing) }
    }
}

/// Which `Host` and `Origin` values the server answers to.
///
/// A page on `evil.example` can resolve its own name to 127.0.0.1 (DNS rebinding) and so reach
/// a loopback server; its requests still say `Host: evil.example`. Only loopback names, with the
/// server's port, are accepted — plus the one address the server was explicitly bound to.
public struct HostPolicy: Sendable {
    /// The listening port; known only once the server is bound when started with port 0.
    let boundPort: BoundPort
    let names: Set<String>
    /// Behind a TLS-terminating proxy (`serve --tls-proxy`) the browser's origin is `https://`.
    public var acceptsHTTPS = false

    public var port: Int { boundPort.value }

    public init(port: BoundPort, boundHost: String = "127.0.0.1") {
        boundPort = port
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let bound = boundHost.contains(":") && !boundHost.hasPrefix("[") ? "[\(boundHost)]" : boundHost
        if !["0.0.0.0", "[::]"].contains(bound) { names.insert(bound.lowercased()) }
        self.names = names
    }

    /// `Host` header: a loopback name, with this server's port or none.
    public func allowsHost(_ header: String?) -> Bool {
        guard let header, let (name, port) = Self.split(header.lowercased()) else { return false }
        return names.contains(name) && (port == nil || port == self.port)
    }

    /// `Origin` header of a state-changing request: absent (not a browser) or this server itself.
    public func allowsOrigin(_ header: String?) -> Bool {
        guard let header else { return true }
        let lowered = header.lowercased()
        for scheme in acceptsHTTPS ? ["http://", "https://"] : ["http://"] where lowered.hasPrefix(scheme) {
            return allowsHost(String(lowered.dropFirst(scheme.count)))
        }
        return false
    }

    /// `name[:port]` or `[v6]:port`; nil when malformed (a path, user info, an empty name).
    static func split(_ host: String) -> (String, Int?)? {
        var name = Substring(host)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            name = host[...close]
            let rest = host[host.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":", let number = Int(rest.dropFirst()) else { return nil }
                port = number
            }
        } else if let colon = host.lastIndex(of: ":") {
            name = host[..<colon]
            guard let number = Int(host[host.index(after: colon)...]) else { return nil }
            port = number
        }
        guard !name.isEmpty, !name.contains(where: { "/@?#\\ ".contains($0) }) else { return nil }
        return (String(name), port)
    }
}

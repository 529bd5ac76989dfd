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
/// server's port, are accepted — plus the one address the server was explicitly bound to, and
/// the names a TLS-terminating reverse proxy serves (`--allowed-host`), exactly as configured.
public struct HostPolicy: Sendable {
    /// The listening port; known only once the server is bound when started with port 0.
    let boundPort: BoundPort
    let names: Set<String>
    /// `name` or `name:port` as the proxy's clients write it (lowercased); reached over HTTPS only.
    let proxiedHosts: Set<String>

    public var port: Int { boundPort.value }

    public init(port: BoundPort, boundHost: String = "127.0.0.1", proxiedHosts: [String] = []) {
        boundPort = port
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
        let bound = boundHost.contains(":") && !boundHost.hasPrefix("[") ? "[\(boundHost)]" : boundHost
        if !["0.0.0.0", "[::]"].contains(bound) { names.insert(bound.lowercased()) }
        self.names = names
        self.proxiedHosts = Set(proxiedHosts.map { $0.lowercased() })
    }

    /// `Host` header: a loopback name with this server's port or none, or a proxied name exactly
    /// as configured (a listed `name` does not admit `name:8443`).
    public func allowsHost(_ header: String?) -> Bool {
        guard let header else { return false }
        // What nearly every request says: read from its bytes, without lowering and splitting
        // the text (a tenth of what a coding write's checks cost).
        if Self.isLoopbackAddress(header, port: port) { return true }
        guard let (name, port) = Self.split(header.lowercased()) else { return false }
        if proxiedHosts.contains(header.lowercased()) { return true }
        return names.contains(name) && (port == nil || port == self.port)
    }

    /// `Origin` header of a state-changing request: absent (not a browser), this server itself,
    /// or a proxied name over HTTPS (the proxy terminates TLS; plain HTTP to it is not accepted).
    public func allowsOrigin(_ header: String?) -> Bool {
        guard let header else { return true }
        let lowered = header.lowercased()
        if lowered.hasPrefix("https://") { return proxiedHosts.contains(String(lowered.dropFirst("https://".count))) }
        guard lowered.hasPrefix("http://") else { return false }
        let host = String(lowered.dropFirst("http://".count))
        return !proxiedHosts.contains(host) && allowsHost(host)
    }

    /// Why `host` cannot be a proxied name (nil when it can): a bare `name` or `name:port`, not
    /// a loopback or wildcard address, no scheme or path.
    public static func problem(withProxiedHost host: String) -> String? {
        guard let (name, _) = split(host.lowercased()), !host.contains("://") else {
            return "'\(host)' is not a host name (write it as the browser does, e.g. fieldwork.example.org or fieldwork.example.org:8443)"
        }
        if ["localhost", "127.0.0.1", "[::1]", "0.0.0.0", "[::]"].contains(name) {
            return "'\(host)' is a loopback or wildcard address; name the host your reverse proxy serves"
        }
        return nil
    }

    /// Whether `host` is `127.0.0.1:PORT` with this port (a loopback name always allowed), the
    /// port's decimal digits exactly, as `split` would read them.
    static func isLoopbackAddress(_ host: String, port: Int) -> Bool {
        let prefix = "127.0.0.1:".utf8
        let bytes = host.utf8
        guard bytes.count > prefix.count, bytes.count <= prefix.count + 5, bytes.starts(with: prefix) else { return false }
        var number = 0
        for byte in bytes.dropFirst(prefix.count) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number == port
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

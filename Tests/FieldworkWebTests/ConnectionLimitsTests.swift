import FieldworkWeb
import Foundation
import Glibc
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Idle connections are closed and capped, so they cannot make the server unreachable (1,100
/// idle loopback connections did, at the usual limit of 1,024 open files).
@Suite struct ConnectionLimitsTests {
    /// A TCP connection to loopback that sends nothing.
    static func idleConnection(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw FixtureError("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw FixtureError("connect: \(errno)") }
        // A bound on the wait below, so that a server that never closes fails the test instead of hanging it.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return socket
    }

    @Test func idleConnectionsAreClosedAndOverTheCapRequestsStillGetAnswered() async throws {
        let fixture = try await WebFixture()
        var configuration = WebServerConfiguration(port: 0, token: fixture.token)
        // Long enough that a loaded machine (CI has 2 cores; the whole suite runs in parallel)
        // never closes the test client itself between its connect and its request: 2 s did once.
        configuration.idleTimeout = .seconds(5)
        configuration.maxConnections = 4
        try await buildApplication(context: fixture.context, configuration: configuration).test(.live) { client in
            let port = try #require(client.port)
            let idle = try (0..<12).map { _ in try Self.idleConnection(port: port) }
            defer { idle.forEach { close($0) } }
            // More idle connections than the cap, yet a request is answered: the idle ones are
            // closed and the waiting ones accepted in turn.
            let host = "localhost:\(port)"
            try await client.execute(uri: "/api/status", method: .get, headers: [HTTPField.Name.hostHeader: host]) { response in
                #expect(response.status == .unauthorized)
            }
            // The server closed an idle connection by itself: reading gives end of file, not a timeout.
            var byte: UInt8 = 0
            #expect(recv(idle[0], &byte, 1, 0) == 0)
        }
    }
}

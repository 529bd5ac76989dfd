import Foundation
import Glibc
import Testing

/// `fieldwork serve` with 1,000 idle connections held open (the soak of `make stress`): the
/// server used to serve at most 512 connections, so the 513th client waited in the kernel's
/// queue until idle ones timed out after 30 s. It now sizes its cap from the open-file limit.
@Suite struct ServeConnectionsTests {
    /// A loopback TCP connection with a bounded wait for answers (a hang fails, not blocks).
    static func connect(port: Int) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw CLIError.failed("socket: \(errno)") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw CLIError.failed("connect: \(errno)") }
        return socket
    }

    @Test func aThousandIdleConnectionsDoNotKeepTheNextClientWaiting() async throws {
        // This test process holds the thousand sockets: let it (the server raises its own limit).
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        limit.rlim_cur = min(limit.rlim_max, 4096)
        setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        try #require(limit.rlim_cur >= 1100, "the hard open-file limit is too low for this test")

        let workspace = try CLIRunner.sampleWorkspaceCopy()
        let server = try await RunningServer.start(workspace: workspace)
        defer { server.stop() }
        let serving = server.port

        let idle = try (0..<1000).map { _ in try Self.connect(port: serving) }
        defer { idle.forEach { close($0) } }
        let client = try Self.connect(port: serving)
        defer { close(client) }
        let request = "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1:\(serving)\r\nConnection: close\r\n\r\n"
        #expect(send(client, request, request.utf8.count, 0) == request.utf8.count)
        var buffer = [UInt8](repeating: 0, count: 512)
        let received = recv(client, &buffer, buffer.count, 0)
        #expect(received > 0, "no answer while 1,000 idle connections were open (errno \(errno))")
        #expect(String(decoding: buffer.prefix(max(received, 0)), as: UTF8.self).hasPrefix("HTTP/1.1 401"))
    }
}

import FieldworkTestSupport
import Foundation
import Glibc
import Testing

/// The README's nginx site, run on loopback in front of `fieldwork serve` with a self-signed
/// certificate: sign-in, pages and writes work through it, the cookie is Secure, and a foreign
/// origin or host is still refused. The configuration is read from the README, so the documented
/// one is the tested one.
@Suite(.serialized) struct ReverseProxyTests {
    static let name = "fieldwork.example.org"

    /// The ```nginx block of the README.
    static func documentedSite() throws -> String {
        let readme = try String(contentsOf: CLIRunner.packageRoot.appending(path: "README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```nginx\n"), "the README has no nginx site")
        let end = try #require(readme[start.upperBound...].range(of: "```"))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func run(_ program: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        let result = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments)
        return (result.status, result.stdout + result.stderr)
    }

    @Test func theDocumentedNginxSiteServesTheWorkbenchOverTLS() async throws {
        let nginx = "/usr/sbin/nginx"
        try #require(FileManager.default.isExecutableFile(atPath: nginx), "nginx is missing: `make test` installs nginx-light")
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-proxy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appending(path: "cert.pem").path, key = folder.appending(path: "key.pem").path
        let made = try await Self.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                                            "-days", "1", "-subj", "/CN=\(Self.name)", "-addext", "subjectAltName=DNS:\(Self.name)"])
        try #require(made.status == 0, "\(made.output)")

        let tls = try Self.freePort(), plain = try Self.freePort()
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let external = "\(Self.name):\(tls)"
        let server = try await RunningServer.start(workspace: workspace, arguments: ["--allowed-host", external])
        defer { server.stop() }
        let token = try #require(server.banner.firstMatch(of: /\?token=([A-Za-z0-9_-]+)/)?.1)
        #expect(server.banner.contains("Through your proxy: https://\(external)/?token=\(token)"))

        let site = try Self.documentedSite()
            .replacingOccurrences(of: "listen 443 ssl;", with: "listen 127.0.0.1:\(tls) ssl;")
            .replacingOccurrences(of: "listen 80;", with: "listen 127.0.0.1:\(plain);")
            .replacingOccurrences(of: "/etc/ssl/certs/\(Self.name).pem", with: cert)
            .replacingOccurrences(of: "/etc/ssl/private/\(Self.name).key", with: key)
            .replacingOccurrences(of: "127.0.0.1:8470", with: "127.0.0.1:\(server.port)")
        let temp = folder.path
        let configuration = """
            \(getuid() == 0 ? "user root;" : "")
            daemon off;
            worker_processes 1;
            pid \(temp)/nginx.pid;
            error_log \(temp)/error.log;
            events { worker_connections 64; }
            http {
                access_log off;
                client_body_temp_path \(temp)/body; proxy_temp_path \(temp)/proxy; fastcgi_temp_path \(temp)/fastcgi;
                uwsgi_temp_path \(temp)/uwsgi; scgi_temp_path \(temp)/scgi;
            \(site)
            }
            """
        let configFile = folder.appending(path: "nginx.conf")
        try Data(configuration.utf8).write(to: configFile)
        let proxy = Process()
        proxy.executableURL = URL(fileURLWithPath: nginx)
        proxy.arguments = ["-p", temp, "-c", configFile.path]
        proxy.standardError = FileHandle.nullDevice
        try proxy.run()
        defer { proxy.terminate(); proxy.waitUntilExit() }

        let base = "https://\(external)"
        func curl(_ arguments: String...) async throws -> String {
            try await Self.run("curl", ["-sk", "--max-time", "10", "--resolve", "\(external):127.0.0.1", "-D", "-"] + arguments).output
        }
        // nginx needs a moment to listen.
        var signIn = ""
        for _ in 0..<50 where !signIn.contains("HTTP/") {
            try await Task.sleep(for: .milliseconds(100))
            signIn = try await curl("-o", "/dev/null", "\(base)/?token=\(token)")
        }
        #expect(signIn.hasPrefix("HTTP/1.1 303"), "\(signIn)")
        let cookieLine = try #require(signIn.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: fieldwork_session=") })
        for attribute in ["Secure", "HttpOnly", "SameSite=Strict"] { #expect(cookieLine.contains(attribute), "\(cookieLine)") }
        let cookie = String(cookieLine.dropFirst("set-cookie: ".count).split(separator: ";")[0])

        let page = try await curl("-H", "Cookie: \(cookie)", "\(base)/")
        #expect(page.hasPrefix("HTTP/1.1 200"))
        #expect(page.lowercased().contains("content-security-policy: "))
        let csrf = try #require(page.firstMatch(of: /name="csrf-token" content="([^"]+)"/)?.1)

        let memo = #"{"target":"project","author":"Anna","text":"Skrivet genom proxyn"}"#
        let written = try await curl("-o", "/dev/null", "-X", "POST", "-H", "Cookie: \(cookie)", "-H", "X-CSRF-Token: \(csrf)",
                               "-H", "Origin: \(base)", "-H", "Content-Type: application/json", "--data", memo, "\(base)/api/memos")
        #expect(written.hasPrefix("HTTP/1.1 201") || written.hasPrefix("HTTP/1.1 200"), "\(written)")
        let forged = try await curl("-o", "/dev/null", "-X", "POST", "-H", "Cookie: \(cookie)", "-H", "X-CSRF-Token: \(csrf)",
                              "-H", "Origin: https://evil.example", "-H", "Content-Type: application/json", "--data", memo, "\(base)/api/memos")
        #expect(forged.hasPrefix("HTTP/1.1 403"), "\(forged)")
        // A name the proxy passes on but Fieldwork was not told about is refused.
        let rebound = try await curl("-o", "/dev/null", "-H", "Host: evil.example", "-H", "Cookie: \(cookie)", "\(base)/")
        #expect(rebound.hasPrefix("HTTP/1.1 403"), "\(rebound)")
        let redirect = try await Self.run("curl", ["-s", "-o", "/dev/null", "-D", "-", "--max-time", "10", "-H", "Host: \(Self.name)",
                                             "http://127.0.0.1:\(plain)/"]).output
        #expect(redirect.hasPrefix("HTTP/1.1 301") && redirect.contains("Location: https://\(Self.name)/"), "\(redirect)")
    }

    @Test func bindingBeyondLoopbackWithoutAnAllowedHostIsRefused() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let cli = CLIRunner(workspace: workspace)
        let refused = try await cli.run("serve", "--host", "0.0.0.0", "--port", "0")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Error: binding to 0.0.0.0 exposes transcripts beyond this machine"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("Open:"))
        let bad = try await cli.run("serve", "--allowed-host", "https://fieldwork.example.org")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--allowed-host: 'https://fieldwork.example.org' is not a host name"), "\(bad.stderr)")
        try Data("server:\n  allowed_hosts: [localhost]\n".utf8).write(to: workspace.appending(path: "fieldwork.yaml"))
        let loopbackName = try await cli.run("serve", "--port", "0")
        #expect(loopbackName.status == 1)
        #expect(loopbackName.stderr.contains("Error: fieldwork.yaml: server.allowed_hosts: 'localhost' is a loopback or wildcard address"),
                "\(loopbackName.stderr)")
    }
}

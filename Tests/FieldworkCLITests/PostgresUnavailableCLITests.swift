import FieldworkProcess
import FieldworkTestSupport
import Foundation
import Glibc
import Testing

/// A PostgreSQL store that cannot be used says why at once: every command hung for about a
/// minute and then printed `ConnectionPoolError(…connectionCreationCircuitBreakerTripped)`, and a
/// server whose database went away answered 500 to everything (found by a new user).
@Suite struct PostgresUnavailableCLITests {
    /// Commands (`status`, `serve`) on a server that refuses connections, and on a database that
    /// is not there: one line with PostgreSQL's reason, within seconds.
    @Test func aStoreThatCannotBeUsedSaysWhyAtOnce() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        var stores = [("postgresql://nobody@127.0.0.1:1/none", "Connection refused")]
        if let server = PostgresDatabase.serverURL, var missing = URLComponents(string: server) {
            missing.path = "/fieldwork_missing_\(UUID().uuidString.prefix(8).lowercased())"
            stores.append((try #require(missing.string), "database \"\(missing.path.dropFirst())\" does not exist (SQLSTATE 3D000)"))
        }
        for (store, cause) in stores {
            for command in [["status"], ["serve", "--port", "0"]] {
                let started = ContinuousClock.now
                let result = try await cli.run(command, environment: ["FIELDWORK_STORE": store])
                #expect(ContinuousClock.now - started < .seconds(20), "\(command) took \(ContinuousClock.now - started)")
                #expect(result.status != 0)
                #expect(result.stderr.hasPrefix("Error: the study's database postgresql://") && result.stderr.contains(" is unavailable: PostgreSQL: ")
                        && result.stderr.contains(cause), "\(command) \(store): \(result.stderr)")
                #expect(!result.stderr.contains("ConnectionPoolError"), "\(result.stderr)")
                #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1, "\(result.stderr)")
            }
        }
    }

    /// A running server whose database goes away answers 503 `store_unavailable` (a page that
    /// says the database is unavailable, in the API `{"error": "store_unavailable"}`) within
    /// seconds, and its log names the cause.
    @Test(.enabled(if: PostgresDatabase.serverURL != nil, "FIELDWORK_TEST_POSTGRES_URL is not set (make test sets it)"))
    func aServerWhoseDatabaseGoesAwayAnswers503() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let store = ["FIELDWORK_STORE": database.url]
        let log = cli.workspace.appending(path: "serve.log")
        let server = try await RunningServer.start(workspace: cli.workspace, environment: store, standardError: log)
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let token = try #require(server.banner.firstMatch(of: /\?token=(\S+)/)?.1)
        func curl(_ arguments: [String]) throws -> String {
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "--max-time", "30", "-D", "-"] + arguments).stdout
        }
        let opened = try curl(["-o", "/dev/null", "\(base)/?token=\(token)"])
        let cookie = try #require(opened.firstMatch(of: /(?i)set-cookie: (fieldwork_session=[^;]+)/)?.1)
        #expect(try curl(["-o", "/dev/null", "-H", "Cookie: \(cookie)", "\(base)/api/documents"]).hasPrefix("HTTP/1.1 200"))

        database.drop()  // WITH (FORCE): the server's connections are ended, and the database is gone
        let started = ContinuousClock.now
        let api = try curl(["-H", "Cookie: \(cookie)", "\(base)/api/documents"])
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(api.hasPrefix("HTTP/1.1 503") && api.contains(#""error":"store_unavailable""#)
                && api.contains("the database is unavailable"), "\(api.prefix(400))")
        let page = try curl(["-H", "Cookie: \(cookie)", "\(base)/"])
        #expect(page.hasPrefix("HTTP/1.1 503") && page.contains("cannot be reached just now"), "\(page.prefix(600))")
        server.stop()
        let logged = try String(contentsOf: log, encoding: .utf8)
        #expect(logged.contains("503 on GET /api/documents") && logged.contains("does not exist (SQLSTATE 3D000)"), "\(logged.suffix(2000))")
    }

    /// A server that asks for a password when PGPASSWORD is not set: `init --store` and every
    /// command say to set it (they said only `PostgreSQL: authMechanismRequiresPassword`).
    @Test func aServerAskingForAPasswordSaysToSetPGPASSWORD() async throws {
        let server = try await PasswordAskingServer.start()
        defer { server.stop() }
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-password-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let store = "postgresql://fw@127.0.0.1:\(server.port)/study"
        let noPassword = ["PGPASSWORD": "", "FIELDWORK_STORE": ""]
        let refused = try await cli.run(["init", root.path, "--store", store], environment: noPassword)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the server asks for a password and none was given: set PGPASSWORD")
                && !refused.stderr.contains("authMechanismRequiresPassword"), "\(refused.stderr)")
        #expect(try await cli.run(["init", root.path], environment: noPassword).status == 0)
        let status = try await cli.run(["status", "--store", store], environment: noPassword)
        #expect(status.status != 0 && status.stderr.contains("is unavailable: PostgreSQL: the server asks for a password"), "\(status.stderr)")
    }
}

/// Enough of PostgreSQL's protocol to ask for a password: it answers every startup message with
/// AuthenticationMD5Password and waits for the client to hang up (the test cluster trusts every login).
private final class PasswordAskingServer: @unchecked Sendable {
    let process = Process()
    private(set) var port = 0

    static func start() async throws -> PasswordAskingServer {
        try await onOwnThread { try PasswordAskingServer() }
    }

    private init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", """
            import socket, struct
            s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8); print(s.getsockname()[1], flush=True)
            while True:
                c, _ = s.accept()
                n = struct.unpack("!I", c.recv(4))[0]; c.recv(n - 4)
                c.sendall(b"R" + struct.pack("!II", 12, 5) + b"salt"); c.recv(1); c.close()
            """]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = ""
        while !line.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        guard port > 0 else {
            stop()
            throw CLIError.failed("the stand-in server printed no port: \(line)")
        }
    }

    /// SIGKILL: the test process passes SIGTERM on ignored, and Python keeps that.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

import FieldworkTestSupport
import Foundation
import Glibc
import Testing

/// A hot standby (streaming replication, read-only): the CLI's read-only commands run against it
/// and give the primary's answers (the schema is checked there, never migrated), and a write is
/// refused by the server in one line. Runs when FIELDWORK_TEST_POSTGRES_URL is set.
@Suite struct PostgresStandbyCLITests {
    @Test(.enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
    func readOnlyCommandsRunOnAHotStandby() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(codings: true))
        let primary = ["FIELDWORK_STORE": database.url]
        #expect(try await cli.run(["ingest"], environment: primary).status == 0)
        // An analyst's account, replicated with the rest: the standby's server logs her in.
        #expect(try await cli.run(["account", "create", "ana", "--role", "analyst"], environment: primary, input: "läs bara, inte skriv\n").status == 0)
        // Taken after the ingest: the standby starts from a copy that holds it.
        let standby = try HotStandby(of: try #require(PostgresDatabase.serverURL))
        defer { standby.stop() }
        let replica = ["FIELDWORK_STORE": try standby.url(database: database.name)]

        for arguments in [["status", "--json"], ["code", "list", "--json"], ["search", "trygg*", "--json"]] {
            let onPrimary = try await cli.run(arguments, environment: primary)
            let onStandby = try await cli.run(arguments, environment: replica)
            #expect(onStandby.status == 0, "\(arguments): \(onStandby.stderr)")
            #expect(onStandby.stdout == onPrimary.stdout, "\(arguments)")
        }
        let write = try await cli.run(["code", "add", "int-001", "--start", "13", "--end", "18", "--code", "need", "--coder", "Bo"],
                                environment: replica)
        #expect(write.status != 0)
        #expect(write.stderr.contains("read-only transaction") && write.stderr.contains("SQLSTATE 25006"), "\(write.stderr)")
        #expect(write.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1)

        // An export from the standby writes its file and records itself in the standby's own
        // chain (the database takes no audit head); the workspace's log is not touched.
        let logged = try Data(contentsOf: cli.workspace.appending(path: "audit/log.jsonl"))
        let export = try await cli.run(["export", "segments", "--out", "exports/standby.csv"], environment: replica)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.workspace.appending(path: "exports/standby.csv").path))
        #expect(try Data(contentsOf: cli.workspace.appending(path: "audit/log.jsonl")) == logged)

        try await serveReadOnly(cli, replica)
    }

    /// `fieldwork serve` on the standby finds it read-only by itself: it ingests nothing, logs the
    /// analyst in from the replicated accounts, serves pages and exports, refuses a write in one
    /// line, and records logins, the export and the logout in audit/standby.jsonl, its own chain
    /// (the workspace's log and the database are not written).
    private func serveReadOnly(_ cli: CLIRunner, _ replica: [String: String]) async throws {
        let log = cli.workspace.appending(path: "audit/log.jsonl")
        let logged = try Data(contentsOf: log)
        let server = try await RunningServer.start(workspace: cli.workspace, environment: replica,
                                       arguments: ["--primary", "https://fieldwork.city.example"])
        defer { server.stop() }
        #expect(server.banner.contains("The store is a read-only hot standby: serving reading only"), "\(server.banner)")
        let base = "http://127.0.0.1:\(server.port)"
        func curl(_ arguments: [String]) throws -> String {
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "--max-time", "10", "-D", "-"] + arguments).stdout
        }
        let refused = try curl(["-o", "/dev/null", "--data", "name=ana&password=fel", "\(base)/login"])
        #expect(refused.hasPrefix("HTTP/1.1 401"), "\(refused)")
        let login = try curl(["-o", "/dev/null", "--data", "name=ana&password=l%C3%A4s+bara%2C+inte+skriv&next=/", "\(base)/login"])
        #expect(login.hasPrefix("HTTP/1.1 303"), "\(login)")
        let cookie = try #require(login.firstMatch(of: /(?i)set-cookie: (fieldwork_session=[^;]+)/)?.1)
        let page = try curl(["-H", "Cookie: \(cookie)", "\(base)/documents/int-001"])
        #expect(page.hasPrefix("HTTP/1.1 200") && page.contains("id=\"read-only-notice\""), "\(page.prefix(300))")
        let csrf = try #require(page.firstMatch(of: /name="csrf-token" content="([^"]+)"/)?.1)
        let export = try curl(["-o", "/dev/null", "-H", "Cookie: \(cookie)", "\(base)/api/retrieval.csv?code=need"])
        #expect(export.hasPrefix("HTTP/1.1 200"), "\(export)")
        let write = try curl(["-H", "Cookie: \(cookie)", "-H", "X-CSRF-Token: \(csrf)", "-H", "Origin: \(base)",
                              "-H", "Content-Type: application/json", "--data", #"{"target":"project","author":"ana","text":"x"}"#,
                              "\(base)/api/memos"])
        #expect(write.hasPrefix("HTTP/1.1 503") && write.contains("this server is a read-only standby; write on the primary at https:"),
                "\(write)")
        let logout = try curl(["-o", "/dev/null", "-H", "Cookie: \(cookie)", "-H", "Origin: \(base)", "--data", "csrf=\(csrf)", "\(base)/logout"])
        #expect(logout.hasPrefix("HTTP/1.1 303"), "\(logout)")
        server.stop()

        #expect(try Data(contentsOf: log) == logged)
        let verified = try await cli.run(["audit", "--standby", "--verify"], environment: replica)
        #expect(verified.status == 0 && verified.stdout.contains("audit/standby.jsonl: 5 entries, intact"), "\(verified.stdout) \(verified.stderr)")
        let entries = try await cli.run(["audit", "--standby", "--json"], environment: replica)
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(entries.stdout.utf8)) as? [[String: Any]]).map { "\($0["action"]!)" }
        #expect(actions == ["export", "login_failed", "login", "export", "logout"], "\(actions)")
    }
}

/// A streaming-replication standby of the test server (`pg_basebackup -R`) on a free loopback
/// port, in a temporary folder; as root it runs as `postgres`, as the test cluster does.
private struct HotStandby {
    static let bin = "/usr/lib/postgresql/15/bin"
    let folder: URL
    let port: Int
    let user: String

    init(of serverURL: String) throws {
        let server = try #require(URLComponents(string: serverURL))
        user = try #require(server.user)
        folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-standby-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if getuid() == 0 { _ = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/chown"), ["postgres:", folder.path]) }
        let connections = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/psql"), [serverURL, "-tAc", "SHOW max_connections"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let copied = try Self.asOwner("pg_basebackup", ["-D", folder.appending(path: "data").path, "-R", "-X", "stream", "--checkpoint=fast",
                                                         "-h", server.host ?? "127.0.0.1", "-p", "\(server.port ?? 5432)", "-U", user])
        try #require(copied.status == 0, "\(copied.stderr)")
        let free = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c",
            "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1]); s.close()"])
        port = try #require(Int(free.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Spawned and waited for directly, without pipes: the server outlives pg_ctl, and
        // Foundation's Process was seen not to notice this pg_ctl's exit.
        let (executable, arguments) = Self.command("pg_ctl", [
            "-D", folder.appending(path: "data").path, "-l", folder.appending(path: "log").path, "-w", "-t", "60", "start", "-o",
            "-c port=\(port) -c listen_addresses=127.0.0.1 -c unix_socket_directories=\(folder.path) "
                + "-c max_connections=\(connections.isEmpty ? "100" : connections)"])
        let status = Self.spawnAndWait(executable.path, arguments)
        try #require(status == 0, "\((try? String(contentsOf: folder.appending(path: "log"), encoding: .utf8)) ?? "")")
    }

    func url(database: String) throws -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/\(database)"
    }

    func stop() {
        _ = try? Self.asOwner("pg_ctl", ["-D", folder.appending(path: "data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    private static func asOwner(_ tool: String, _ arguments: [String]) throws -> ProcessOutput {
        let (executable, arguments) = command(tool, arguments)
        return try ProcessRunner.run(executable, arguments)
    }

    /// Runs `path` with `arguments` to its end (standard output and error to /dev/null).
    private static func spawnAndWait(_ path: String, _ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of this process's: beside many parallel tests it holds thousands of
        // descriptors, and a postmaster that inherits them refuses to start ("insufficient file
        // descriptors available to start server process").
        // (glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, which Swift's Glibc does not declare.)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let closeFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(closeFrom, to: CloseFrom.self)(&actions, 3)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    private static func command(_ tool: String, _ arguments: [String]) -> (URL, [String]) {
        getuid() == 0
            ? (URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--", "\(bin)/\(tool)"] + arguments)
            : (URL(fileURLWithPath: "\(bin)/\(tool)"), arguments)
    }
}

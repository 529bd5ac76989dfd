import FieldworkTestSupport
import Foundation
import Glibc
import Testing

/// `fieldwork backup` while another process writes codings, and `fieldwork restore`: each backup
/// is one consistent, owner-only file; a restore gives back exactly the backup's database; the
/// next ingest brings the codings made since then back from the codings files.
@Suite(.enabled(if: TestStore.isSQLite, "SQLite file behaviour: SQLite's online backup into .sqlite files and their restore (a PostgreSQL store is backed up with pg_dump)"))
struct BackupRestoreTests {
    let workspace: URL
    let cli: CLIRunner

    init() async throws {
        workspace = try CLIRunner.sampleWorkspaceCopy()
        cli = CLIRunner(workspace: workspace)
        #expect(try await cli.run("ingest").status == 0)
    }

    private func codings() async throws -> Int {
        try await #require((try cli.json("status") as? [String: Any])?["codings"] as? Int)
    }

    @Test func backupsTakenDuringWritesAreConsistentAndRestoreExactly() async throws {
        let writer = Task.detached { [cli] in
            var added = 0
            for index in 0..<20 {
                let start = 20 + index * 4
                let result = try await cli.run("code", "add", "int-001", "--start", "\(start)", "--end", "\(start + 3)",
                                         "--code", "need.safety", "--coder", "Bo")
                if result.status == 0 { added += 1 }
            }
            return added
        }
        var counts: [Int] = []
        for number in 0..<3 {
            let summary = try #require(try await cli.json("backup", "--out", "backups/b\(number).sqlite") as? [String: Any])
            counts.append(try #require(summary["codings"] as? Int))
            let path = workspace.appending(path: "backups/b\(number).sqlite").path
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode == 0o600)
        }
        let added = try await writer.value
        #expect(added == 20)
        let final = try await codings()
        #expect(counts == counts.sorted() && counts.allSatisfy { $0 <= final })
        // Nothing beside the backups: no journal, no partial file.
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.appending(path: "backups").path)
        #expect(names.sorted() == ["b0.sqlite", "b1.sqlite", "b2.sqlite"])

        let restore = try await cli.run("restore", "backups/b0.sqlite", "--yes")
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(try await codings() == counts[0])
        // The codings files still hold every coding: the next ingest brings them back.
        #expect(try await cli.run("ingest").status == 0)
        #expect(try await codings() == final)
        // Backups and restores are audited (a backup holds every transcript).
        let actions = try #require(try await cli.json("audit") as? [[String: Any]]).compactMap { entry -> String? in
            guard let details = entry["details"] as? [String: String], details["kind"] == "backup" else { return nil }
            return entry["action"] as? String
        }
        #expect(actions.filter { $0 == "export" }.count == 3 && actions.contains("import"))
    }

    @Test func aRestoreWithoutYesOrFromABadFileChangesNothing() async throws {
        #expect(try await cli.run("code", "add", "int-001", "--start", "10", "--end", "20", "--code", "need.safety", "--coder", "Bo").status == 0)
        #expect(try await cli.run("backup", "--out", "backups/one.sqlite").status == 0)
        #expect(try await cli.run("code", "add", "int-001", "--start", "30", "--end", "40", "--code", "need.safety", "--coder", "Bo").status == 0)
        let before = try await codings()

        // Says what would be replaced, as README does, and is no error (it was `Error: restore would…`;
        // found by a new user); exit 1, so a script that forgot --yes stops.
        let unconfirmed = try await cli.run("restore", "backups/one.sqlite")
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stderr.hasPrefix("restore would replace this workspace's database (")
                && unconfirmed.stderr.contains(" by the backup (") && unconfirmed.stderr.contains("; nothing was changed: run again with --yes to restore")
                && !unconfirmed.stderr.contains("Error"), "\(unconfirmed.stderr)")
        #expect(try await codings() == before)

        // A PostgreSQL dump says what it is (it was only "not a SQLite database"; found by a new user).
        let dump = workspace.appending(path: "backups/team.dump")
        try (Data("PGDMP".utf8) + Data([1, 14, 0, 4, 8, 1, 1]) + Data(count: 200)).write(to: dump)
        let foreign = try await cli.run("restore", dump.path, "--yes")
        #expect(foreign.status != 0)
        #expect(foreign.stderr.contains("team.dump: this looks like a PostgreSQL dump (pg_dump's custom format), and this workspace's "
                                        + "study is in its SQLite file: restore it where the study's store is that PostgreSQL database"),
                "\(foreign.stderr)")
        #expect(try await codings() == before)

        let bad = workspace.appending(path: "backups/notes.txt")
        try "not a database".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try await cli.run("restore", bad.path, "--yes")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("notes.txt: not a SQLite database"))
        #expect(try await codings() == before)

        // A backup whose schema is newer than this binary is refused too.
        let newer = workspace.appending(path: "backups/newer.sqlite")
        try FileManager.default.copyItem(at: workspace.appending(path: "backups/one.sqlite"), to: newer)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        sqlite.arguments = ["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"INSERT INTO grdb_migrations VALUES ('v999-future')\"); c.commit()", newer.path]
        try sqlite.run()
        sqlite.waitUntilExit()
        let future = try await cli.run("restore", newer.path, "--yes")
        #expect(future.status != 0 && future.stderr.contains("newer Fieldwork"))
        #expect(try await codings() == before)
    }

    /// A running server holds codings in memory and writes them back: a restore under it would
    /// be overwritten. Restore refuses while a server serves the workspace (naming it) and changes
    /// nothing, runs once it has stopped; while a restore holds the lock, a server does not start.
    @Test func restoreRefusesWhileAServerRunsOnTheWorkspace() async throws {
        #expect(try await cli.run("backup", "--out", "backups/one.sqlite").status == 0)
        #expect(try await cli.run("code", "add", "int-001", "--start", "30", "--end", "40", "--code", "need.safety", "--coder", "Bo").status == 0)
        let before = try await codings()

        let server = try await RunningServer.start(workspace: workspace)
        // A file that is not there is said first (it was "a server is running"; found by a new user).
        let missing = try await cli.run("restore", "backups/nonexistent.sqlite", "--yes")
        #expect(missing.status != 0 && missing.stderr.contains("nonexistent.sqlite") && !missing.stderr.contains("server is running"),
                "\(missing.stderr)")
        let refused = try await cli.run("restore", "backups/one.sqlite", "--yes")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("Error: a fieldwork server is running on this workspace (pid \(server.process.processIdentifier), "
                                        + "http://127.0.0.1:\(server.port)/); stop it (Ctrl-C) and run `fieldwork restore` again"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("restored"))
        server.stop()
        #expect(try await codings() == before)

        let restored = try await cli.run("restore", "backups/one.sqlite", "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try await codings() == before - 1)

        // The lock as a restore holds it (exclusive, naming itself): a server does not start, and says why.
        let lockFile = workspace.appending(path: ".fieldwork/server.lock")
        let descriptor = open(lockFile.path, O_RDWR | O_CREAT, 0o600)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        defer { close(descriptor) }
        ftruncate(descriptor, 0)
        #expect(pwrite(descriptor, "`fieldwork restore`", 19, 0) == 19)
        let serve = try await cli.run("serve", "--port", "0")
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("is being restored (`fieldwork restore` is running); start the server when it has finished"), "\(serve.stderr)")
    }
}

/// `backup --out FILE` never overwrites an existing FILE unless `--force` says so.
@Suite struct BackupOverwriteCLITests {
    @Test func anExistingFileIsKeptUnlessForced() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let file = root.appending(path: "backups/one.sqlite")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "an older backup, or anything else".write(to: file, atomically: true, encoding: .utf8)

        let refused = try await cli.run("backup", "--out", "backups/one.sqlite")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Error: \(file.path) exists; use --force to replace it"), "\(refused.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "an older backup, or anything else")
        let names = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(names == ["one.sqlite"], "no temporary file is left: \(names)")

        // A folder is said at once, with --force too (it said "exists; use --force", then "Is a
        // directory"; found by a new user).
        for force in [[], ["--force"]] {
            let folder = try await cli.run(["backup", "--out", "backups/"] + force)
            #expect(folder.status == 1)
            #expect(folder.stderr.contains("Error: \(file.deletingLastPathComponent().path) is a folder: give the path of a file"),
                    "\(folder.stderr)")
        }

        let forced = try await cli.run("backup", "--out", "backups/one.sqlite", "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: file) != Data("an older backup, or anything else".utf8))
        let restored = try await cli.run("restore", "backups/one.sqlite", "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
    }
}

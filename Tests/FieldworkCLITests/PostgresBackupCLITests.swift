import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork backup` and `fieldwork restore` on a PostgreSQL store, through the real binary and
/// Debian's pg_dump/pg_restore: a restore gives back the backup's counts and codings; a file that
/// is not a sound dump, or one from a newer schema, is refused in one line and changes nothing.
/// Runs when FIELDWORK_TEST_POSTGRES_URL is set (`make test` starts a throwaway cluster).
@Suite struct PostgresBackupCLITests {
    @Test(.enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
    func aRestoreGivesBackTheBackupAndABadFileChangesNothing() async throws {
        try await PostgresStudy().aRestoreGivesBackTheBackupAndABadFileChangesNothing()
    }

    @Test(.enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
    func aDumpFromANewerSchemaOrWithAnErasedParticipantIsRefused() async throws {
        try await PostgresStudy().aDumpFromANewerSchemaOrWithAnErasedParticipantIsRefused()
    }

    @Test(.enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
    func backupsDuringWritesHoldWhatTheyReport() async throws {
        try await PostgresStudy().backupsDuringWritesHoldWhatTheyReport()
    }
}

/// The sample workspace with its study in a fresh PostgreSQL database.
private struct PostgresStudy {
    let database: PostgresDatabase
    let cli: CLIRunner

    init() throws {
        database = try PostgresDatabase()
        cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
    }

    private func run(_ arguments: String...) async throws -> CLIRunner.Result {
        try await cli.run(arguments, environment: ["FIELDWORK_STORE": database.url])
    }

    private func json(_ arguments: String...) async throws -> Any {
        let result = try await cli.run(arguments + ["--json"], environment: ["FIELDWORK_STORE": database.url])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    private func codings() async throws -> [String: String] {
        let list = try #require(try await json("code", "list") as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map {
            ("\($0["id"]!)", "\($0["document"]!) \($0["start"]!) \($0["end"]!) \($0["code"]!) \($0["quote"]!)")
        })
    }

    private func status() async throws -> NSDictionary {
        try #require(try await json("status") as? NSDictionary)
    }

    func aRestoreGivesBackTheBackupAndABadFileChangesNothing() async throws {
        defer { database.drop() }
        #expect(try await run("ingest").status == 0)
        for start in [13, 23] { // the words after "Intervjuare: ", not the label
            let added = try await run("code", "add", "int-001", "--start", "\(start)", "--end", "\(start + 6)", "--code", "need.safety",
                                "--coder", "Anna")
            #expect(added.status == 0, "\(added.stderr)")
        }
        // Telemetry readings are dumped and restored, and counted like SQLite's summary counts them.
        let telemetry = cli.workspace.appending(path: "corpus/telemetry/pilot-2025-08.csv").path
        #expect(try await run("telemetry", "import", telemetry).status == 0)
        let readings = try #require(try database.psql("SELECT count(*) FROM reading").stdout
            .split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.first)
        #expect(readings > 0)
        let before = try await codings(), beforeStatus = try await status()
        #expect(before.count == 2)

        let summary = try #require(try await json("backup", "--out", "backups/study.dump") as? [String: Any])
        #expect(summary["codings"] as? Int == 2 && summary["documents"] as? Int == beforeStatus["documents"] as? Int)
        #expect(summary["readings"] as? Int == readings)
        #expect((summary["schema"] as? String)?.hasPrefix("v") == true)
        let dump = cli.workspace.appending(path: "backups/study.dump")
        #expect(try FileManager.default.attributesOfItem(atPath: dump.path)[.posixPermissions] as? Int == 0o600)
        #expect(try Data(contentsOf: dump).prefix(5) == Data("PGDMP".utf8))  // pg_dump's custom format

        // Change things: one coding removed, another added.
        let removed = try #require(before.keys.sorted().first)
        #expect(try await run("code", "remove", removed, "--coder", "Anna").status == 0)
        #expect(try await run("code", "add", "int-001", "--start", "30", "--end", "36", "--code", "need", "--coder", "Bo").status == 0)
        let changed = try await codings()
        #expect(changed != before && changed[removed] == nil)

        // Without --yes nothing changes; with it, the backup is back, counts and content.
        #expect(try await run("restore", "backups/study.dump").status != 0)
        #expect(try await codings() == changed)
        let restored = try await run("restore", "backups/study.dump", "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("restored ") && restored.stdout.contains("2 codings")
                    && restored.stdout.contains("\(readings) readings"), "\(restored.stdout)")
        #expect(try await codings() == before)
        #expect(try await status() == beforeStatus)
        // The restored history still knows the coding, and the schema is current (the store opens).
        #expect(try await run("code", "history", removed).status == 0)

        // Refused in one line, nothing changed: not a dump, a dump cut short, a newer schema.
        let after = try await codings()
        try Data("not a dump at all\n".utf8).write(to: cli.workspace.appending(path: "backups/garbage.dump"))
        let whole = try Data(contentsOf: dump)
        try whole.prefix(whole.count * 2 / 3).write(to: cli.workspace.appending(path: "backups/short.dump"))
        // Cut in its last table's data: the file reads as sound until pg_restore, half-way
        // through the restore transaction, reaches the end, and the server rolls it all back.
        try whole.prefix(whole.count - 100).write(to: cli.workspace.appending(path: "backups/cut.dump"))
        // A SQLite workspace's backup says what it is (found by a new user).
        try (Data("SQLite format 3\u{0}".utf8) + Data(count: 4080)).write(to: cli.workspace.appending(path: "backups/laptop.sqlite"))
        for (file, problem) in [("garbage.dump", "not a readable dump in pg_dump's custom format"),
                                ("laptop.sqlite", "backups/laptop.sqlite: this looks like a SQLite database (a backup of a workspace on "
                                    + "SQLite), and this workspace's study is in PostgreSQL"),
                                ("short.dump", "backups/short.dump: "),
                                ("cut.dump", "backups/cut.dump: not restored, nothing was changed: pg_restore: ")] {
            let refused = try await run("restore", "backups/\(file)", "--yes")
            #expect(refused.status != 0)
            #expect(refused.stderr.contains(problem), "\(refused.stderr)")
            #expect(refused.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1,
                    "\(refused.stderr)")
            #expect(try await codings() == after)
        }
        #expect(try await status() == beforeStatus)
    }

    /// Backups taken while another process adds codings: each file holds exactly the counts the
    /// backup printed (they are counted in the snapshot pg_dump copies), as a restore shows.
    func backupsDuringWritesHoldWhatTheyReport() async throws {
        defer { database.drop() }
        #expect(try await run("ingest").status == 0)
        let writer = Task.detached { [cli, database] in
            var added = 0
            for index in 0..<16 {
                let start = 20 + index * 4
                let result = try await cli.run(["code", "add", "int-001", "--start", "\(start)", "--end", "\(start + 3)",
                                          "--code", "need.safety", "--coder", "Bo"], environment: ["FIELDWORK_STORE": database.url])
                if result.status == 0 { added += 1 }
            }
            return added
        }
        var reported: [Int] = []
        for number in 0..<3 {
            let summary = try #require(try await json("backup", "--out", "backups/b\(number).dump") as? [String: Any])
            reported.append(try #require(summary["codings"] as? Int))
        }
        #expect(try await writer.value == 16)
        #expect(reported == reported.sorted() && reported.allSatisfy { $0 <= 16 })
        for (number, codings) in reported.enumerated() {
            let restored = try await run("restore", "backups/b\(number).dump", "--yes")
            #expect(restored.status == 0, "\(restored.stderr)")
            #expect(try await status()["codings"] as? Int == codings)
        }
        // Nothing beside the backups: no partial file.
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.workspace.appending(path: "backups").path)
        #expect(names.sorted() == ["b0.dump", "b1.dump", "b2.dump"])
    }

    func aDumpFromANewerSchemaOrWithAnErasedParticipantIsRefused() async throws {
        defer { database.drop() }
        #expect(try await run("ingest").status == 0)
        #expect(try await run("backup", "--out", "backups/now.dump").status == 0)
        // An erased participant's words are in the backup: refused, naming the pseudonym only.
        try "erased:\n  - R07\n".write(to: cli.workspace.appending(path: "corpus/erased.yaml"), atomically: true, encoding: .utf8)
        let erased = try await run("restore", "backups/now.dump", "--yes")
        #expect(erased.status != 0 && erased.stderr.contains("holds R07, erased since it was made"), "\(erased.stderr)")
        try FileManager.default.removeItem(at: cli.workspace.appending(path: "corpus/erased.yaml"))

        // A dump made by a newer Fieldwork (its schema history has a step this one lacks).
        #expect(try database.psql("INSERT INTO fieldwork_migration VALUES (9999, 'from-the-future', 'x')").status == 0)
        let future = cli.workspace.appending(path: "backups/future.dump").path
        let dumped = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/pg_dump"), ["--format=custom", "--file=\(future)", database.url])
        #expect(dumped.status == 0, "\(dumped.stderr)")
        #expect(try database.psql("DELETE FROM fieldwork_migration WHERE version = 9999").status == 0)
        let before = try await status()
        let refused = try await run("restore", "backups/future.dump", "--yes")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("made by a newer Fieldwork (schema version 9999"), "\(refused.stderr)")
        #expect(try await status() == before)
    }
}

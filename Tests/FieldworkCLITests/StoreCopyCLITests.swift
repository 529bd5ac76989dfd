import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork store copy` with the real binary: the sample study (ingested, coded, a coding
/// changed and removed, an export in the audit log) into PostgreSQL and back into a fresh
/// workspace gives the same checksums and the same outputs; a target that holds anything is
/// refused and left as it was. Runs when FIELDWORK_TEST_POSTGRES_URL is set (`make test`), in the
/// SQLite pass only: the command copies between the workspace's own SQLite file and PostgreSQL,
/// so the PostgreSQL pass (which points every workspace at PostgreSQL) has no local study to copy.
@Suite(.enabled(if: TestStore.isSQLite, "copies between the workspace's SQLite file and PostgreSQL: run in the SQLite pass"))
struct StoreCopyCLITests {
    @Test(.enabled(if: PostgresDatabase.serverURL != nil, "FIELDWORK_TEST_POSTGRES_URL is not set (make test sets it)"))
    func aStudyGoesToPostgresAndBackUnchanged() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let laptop = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(codings: true))
        #expect(try await laptop.run("ingest").status == 0)
        // History: a coding added, re-attached and another removed; an export for the audit log.
        let added = try await laptop.run("code", "add", "int-001", "--start", "13", "--end", "18", "--code", "need.safety.night",
                                   "--coder", "Tess")
        #expect(added.status == 0, "\(added.stderr)")
        let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await laptop.run("code", "reattach", id, "--start", "14", "--end", "19", "--coder", "Tess").status == 0)
        let list = try #require(try await laptop.json("code", "list") as? [[String: Any]])
        let removed = try #require(list.first { $0["id"] as? String != id }?["id"] as? String)
        #expect(try await laptop.run("code", "remove", removed, "--coder", "Tess").status == 0)
        #expect(try await laptop.run("export", "segments", "--out", "segments.csv").status == 0)
        #expect(try await laptop.run("link", "need.safety.night", "door-sensor", "--rationale", "Night checks", "--coder", "Anna").status == 0)

        let to = try await laptop.run("store", "copy", "--to", database.url)
        #expect(to.status == 0, "\(to.stderr)")
        #expect(to.stdout.contains("coding_event") && to.stdout.contains("rows and checksums are equal on both sides"))
        // A second copy into the same database is refused: it holds the study now.
        let again = try await laptop.run("store", "copy", "--to", database.url)
        #expect(again.status != 0 && again.stdout.isEmpty && again.stderr.contains("not empty"), "\(again.stderr)")
        // The workspace's audit log records the copy, and its chain is intact with both stores.
        #expect(try await laptop.run("audit", "--verify").status == 0)
        #expect(try await laptop.run("audit", "--verify", "--store", database.url).status == 0)

        // Back into a fresh workspace (an archive): the same checksums, the same outputs.
        let archive = CLIRunner(workspace: try Self.emptyWorkspace())
        let from = try await archive.run(["store", "copy", "--from", database.url, "--json"])
        #expect(from.status == 0, "\(from.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(from.stdout.utf8)) as? [String: Any])
        let source = try #require(report["source"] as? [String: Any])
        let target = try #require(report["target"] as? [String: Any])
        #expect(source as NSDictionary == target as NSDictionary)
        for arguments in [["code", "list"], ["status"], ["code", "history", id], ["documents"], ["needs"]] {
            let here = try await laptop.run(arguments + ["--json"])
            let there = try await archive.run(arguments + ["--json"])
            #expect(here.status == 0 && there.status == 0, "\(arguments): \(there.stderr)")
            #expect(here.stdout == there.stdout, "\(arguments)")
        }
        #expect(try await archive.run("export", "segments", "--out", "segments.csv").status == 0)
        #expect(try Data(contentsOf: laptop.workspace.appending(path: "segments.csv"))
                == Data(contentsOf: archive.workspace.appending(path: "segments.csv")))
    }

    @Test(.enabled(if: PostgresDatabase.serverURL != nil, "FIELDWORK_TEST_POSTGRES_URL is not set (make test sets it)"))
    func aTargetThatHoldsAStudyIsRefusedAndUnchanged() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let laptop = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(codings: true))
        #expect(try await laptop.run("ingest").status == 0)
        // Someone ingested straight into the database already.
        let other = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        #expect(try await other.run("ingest", "--store", database.url).status == 0)
        let before = try await other.run("status", "--json", "--store", database.url).stdout
        let refused = try await laptop.run("store", "copy", "--to", database.url)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("the target store is not empty (it holds"), "\(refused.stderr)")
        #expect(refused.stderr.contains("documents") && refused.stderr.contains("nothing was changed"))
        #expect(try await other.run("status", "--json", "--store", database.url).stdout == before)
        // …and a workspace that holds a study does not take one in.
        let back = try await laptop.run("store", "copy", "--from", database.url)
        #expect(back.status != 0 && back.stderr.contains("the target store is not empty"), "\(back.stderr)")
    }

    /// Telemetry goes across too: the same daily summary from the archive as from the laptop.
    @Test(.enabled(if: PostgresDatabase.serverURL != nil, "FIELDWORK_TEST_POSTGRES_URL is not set (make test sets it)"))
    func telemetryGoesToPostgresAndBack() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let laptop = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        #expect(try await laptop.run("ingest").status == 0)
        _ = try await laptop.run("telemetry", "import", "corpus/telemetry/pilot-2025-08.csv")
        let to = try await laptop.run("store", "copy", "--to", database.url)
        #expect(to.status == 0, "\(to.stderr)")
        #expect(to.stdout.contains("reading_day"))
        let archive = CLIRunner(workspace: try Self.emptyWorkspace())
        let from = try await archive.run("store", "copy", "--from", database.url)
        #expect(from.status == 0, "\(from.stderr)")
        // Rows only: events (a door at night) are read with the workspace's solution catalogue,
        // which the archive's empty workspace lacks; the readings and rollups are what travels.
        let here = try await laptop.run("telemetry", "summary", "--json", "--no-events")
        #expect(here.status == 0 && here.stdout.count > 100, "\(here.stderr)")
        #expect(try await archive.run("telemetry", "summary", "--json", "--no-events").stdout == here.stdout)
        #expect(try await laptop.run("telemetry", "summary", "--json", "--no-events", "--store", database.url).stdout == here.stdout)
    }

    @Test func oneDirectionAndAPostgresURLAreRequired() async throws {
        let cli = CLIRunner(workspace: try Self.emptyWorkspace())
        let neither = try await cli.run("store", "copy")
        #expect(neither.status != 0 && neither.stderr.contains("give one of --to and --from"))
        let wrong = try await cli.run("store", "copy", "--to", "mysql://x@localhost/db")
        #expect(wrong.status != 0 && wrong.stderr.contains("--to must be a postgresql:// URL"))
        // A workspace with nothing in it has nothing to copy (and the server is never asked).
        let empty = try await cli.run("store", "copy", "--to", "postgresql://nobody@127.0.0.1:1/none")
        #expect(empty.status != 0 && empty.stderr.contains("the source store holds no study"), "\(empty.stderr)")
    }

    static func emptyWorkspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-archive-\(UUID().uuidString)")
        for sub in ["corpus", "codebooks"] {
            try FileManager.default.createDirectory(at: folder.appending(path: sub), withIntermediateDirectories: true)
        }
        return folder
    }
}

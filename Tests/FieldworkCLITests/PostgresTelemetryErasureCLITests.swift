import FieldworkTestSupport
import Foundation
import Testing

/// `telemetry import` and `erase` with the study in PostgreSQL (`store:` in fieldwork.yaml): the
/// same readings, rollups and counts, and after the erasure the same codings, documents, devices
/// and readings left, as with the workspace's SQLite file. Runs when FIELDWORK_TEST_POSTGRES_URL is set.
@Suite(.serialized, .enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
struct PostgresTelemetryErasureCLITests {
    /// The command's `--json` output, parsed (compared as Foundation objects, key order aside).
    private func json(_ cli: CLIRunner, _ arguments: String...) async throws -> NSObject {
        let result = try await cli.run(arguments + ["--json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSObject)
    }

    /// Codings by place (their ids are made afresh in each workspace).
    private func codings(_ cli: CLIRunner) async throws -> [String] {
        let list = try #require(try await cli.json("code", "list") as? [[String: Any]])
        return list.map { "\($0["document"]!) \($0["start"]!) \($0["end"]!) \($0["code"]!) \($0["coder"]!)" }.sorted()
    }

    @Test func importAndEraseLeaveTheSameStudyOnBothStores() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let onPostgres = try await ErasureCLITests.codedWorkspace(store: database.url)
        let onSQLite = try await ErasureCLITests.codedWorkspace()
        defer {
            try? FileManager.default.removeItem(at: onPostgres.workspace)
            try? FileManager.default.removeItem(at: onSQLite.workspace)
        }
        // Importing the same file again stores nothing twice, and says so alike.
        for cli in [onPostgres, onSQLite] {
            let again = try await cli.run("telemetry", "import", cli.workspace.appending(path: "in/door.csv").path)
            #expect(again.status == 0 && again.stdout.contains(", 0 stored, 2 already stored,"), "\(again.stdout)\(again.stderr)")
        }
        #expect(try await json(onPostgres, "telemetry", "summary") == json(onSQLite, "telemetry", "summary"))
        let sqliteCodings = try await codings(onSQLite)
        #expect(try await codings(onPostgres) == sqliteCodings && sqliteCodings.count == 5)

        for cli in [onPostgres, onSQLite] {
            let erased = try await cli.run("erase", "R07", "--yes")
            #expect(erased.status == 0, "\(erased.stdout)\(erased.stderr)")
            #expect(erased.stdout.contains("3 codings on their words removed:"))
            #expect(erased.stdout.contains("telemetry: 1 device and their readings removed (r07-door)"))
        }
        #expect(try await json(onPostgres, "status") == json(onSQLite, "status"))
        #expect(try await codings(onPostgres) == codings(onSQLite))
        #expect(try await json(onPostgres, "telemetry", "summary") == json(onSQLite, "telemetry", "summary"))
        #expect(try await onPostgres.run("search", "zebrafink").stdout.contains("int-007") == false)
        #expect(try await onPostgres.run("search", "grannlarmet").stdout.contains("int-008"))
    }
}

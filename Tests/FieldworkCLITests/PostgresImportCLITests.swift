import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork import qdpx` on a PostgreSQL store, through the real binary: the sample study's
/// codings, exported as a REFI-QDA project from a SQLite workspace, arrive whole in a second
/// workspace whose store is PostgreSQL. Runs when FIELDWORK_TEST_POSTGRES_URL is set.
@Suite struct PostgresImportCLITests {
    @Test(.enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
    func theSampleStudysProjectImportsIntoPostgres() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let source = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(codings: true))
        #expect(try await source.run("ingest").status == 0)
        let export = try await source.run("export", "qdpx", "--out", "exports/study.qdpx")
        #expect(export.status == 0, "\(export.stderr)")
        let file = source.workspace.appending(path: "exports/study.qdpx").path

        let target = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        let store = ["FIELDWORK_STORE": database.url]
        #expect(try await target.run(["ingest"], environment: store).status == 0)
        let imported = try await target.run(["import", "qdpx", file, "--json"], environment: store)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
        #expect(report["written"] as? Bool == true)

        func codings(_ cli: CLIRunner, _ environment: [String: String]) async throws -> Set<String> {
            let result = try await cli.run(["code", "list", "--json"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            return Set(list.map { "\($0["document"]!) \($0["start"]!) \($0["end"]!) \($0["code"]!) \($0["coder"]!)" })
        }
        let expected = try await codings(source, [:])
        #expect(expected.count > 100)
        #expect(report["codings_imported"] as? Int == expected.count)
        #expect(try await codings(target, store) == expected)
        // Not into a SQLite file beside it.
        #expect(!FileManager.default.fileExists(atPath: target.workspace.appending(path: ".fieldwork/fieldwork.sqlite").path))
    }
}

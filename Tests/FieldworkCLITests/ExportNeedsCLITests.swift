import FieldworkTestSupport
import Foundation
import Testing

/// `export needs`: the needs register as CSV, its counts those of `needs --json`, and with
/// `--for-publication` counts of people below k shown as "< k" (issue 13, analyst details).
@Suite struct ExportNeedsCLITests {
    @Test func theRegisterAsCSVMatchesTheNeedsCommandAndSuppressesSmallCellsForPublication() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        let cli = CLIRunner(workspace: workspace)
        // The sample study's codings, so the register has evidence.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appending(path: "codings"), to: workspace.appending(path: "codings"))
        #expect(try await cli.run("ingest").status == 0)
        let register = try #require(try await cli.json("needs") as? [[String: Any]])
        #expect(try await cli.run("export", "needs").status == 0)
        let plain = try CSVRows.rows(workspace.appending(path: "exports/needs.csv"))
        #expect(plain.map { $0["need"] } == register.map { $0["id"] as? String })
        for (row, need) in zip(plain, register) {
            let people = try #require(need["people"] as? [String: [String]])
            #expect(row["codings"] == String(need["codings"] as? Int ?? -1))
            #expect(row["residents"] == String(people["residents"]?.count ?? -1), "\(row)")
            #expect(row["staff"] == String(people["staff"]?.count ?? -1))
        }

        #expect(try await cli.run("export", "needs", "--for-publication", "--out", "exports/public.csv").status == 0)
        let published = try CSVRows.rows(workspace.appending(path: "exports/public.csv"))
        var suppressed = 0
        for (row, need) in zip(published, register) {
            let residents = (need["people"] as? [String: [String]])?["residents"]?.count ?? 0
            let expected = residents > 0 && residents < 5 ? "< 5" : String(residents)
            #expect(row["residents"] == expected, "\(row)")
            if expected == "< 5" { suppressed += 1 }
        }
        #expect(suppressed > 0, "the sample has needs raised by fewer than five residents")
        let text = try String(contentsOf: workspace.appending(path: "exports/public.csv"), encoding: .utf8)
        #expect(!text.contains("R01") && !text.contains("S01"))
    }
}

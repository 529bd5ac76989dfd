import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork register` and `fieldwork export register` through the real binary, on the sample
/// study's two policy-lab sessions (issue 13 part 5).
@Suite struct RegisterCLITests {
    static func sampleWithCodings() async throws -> (URL, CLIRunner) {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appending(path: "codings"), to: workspace.appending(path: "codings"))
        let cli = CLIRunner(workspace: workspace)
        #expect(try await cli.run("ingest").status == 0)
        return (workspace, cli)
    }

    @Test func theSampleRegisterShowsStatusOverTwoSessions() async throws {
        let (_, cli) = try await Self.sampleWithCodings()
        let output = try #require(try await cli.json("register") as? [String: Any])
        #expect((output["problems"] as? [String])?.isEmpty == true)
        let proposals = try #require(output["proposals"] as? [[String: Any]])
        #expect(proposals.compactMap { $0["id"] as? String } == ["P1", "P2", "P3", "P4", "P5"])
        #expect(proposals.compactMap { $0["status"] as? String } == ["decided", "in progress", "rejected", "done", "proposed"])
        let history = try #require(proposals[0]["history"] as? [[String: Any]])
        #expect(history.compactMap { $0["status"] as? String } == ["proposed", "decided"])
        #expect(history.compactMap { $0["document"] as? String } == ["pl-001", "pl-002"])
        let answers = try #require(proposals[1]["answers"] as? [[String: Any]])
        #expect(answers.compactMap { $0["code"] as? String }.contains("need.safety.falls"))
        #expect(proposals[1]["solutions"] as? [String] == ["fall-detection", "motion-sensor"])

        let table = try await cli.run("register")
        #expect(table.status == 0 && table.stdout.contains("2025-10-07 proposed (pl-001) → 2026-02-12 decided (pl-002)"), "\(table.stderr)")
    }

    @Test func theCSVMatchesTheListingAndSuppressesSmallCellsForPublication() async throws {
        let (workspace, cli) = try await Self.sampleWithCodings()
        let proposals = try await #require((try cli.json("register") as? [String: Any])?["proposals"] as? [[String: Any]])
        let written = try await cli.run("export", "register")
        #expect(written.status == 0 && written.stdout.contains("wrote 5 proposals"), "\(written.stderr)")
        let rows = try CSVRows.rows(workspace.appending(path: "exports/register.csv"))
        #expect(rows.map { $0["proposal"] } == proposals.map { $0["id"] as? String })
        #expect(rows.map { $0["status"] } == proposals.map { $0["status"] as? String })
        #expect(rows.map { $0["residents"] } == proposals.map { $0["residents"] as? String })
        let sidecar = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: workspace.appending(path: "exports/register.csv.meta.json"))) as? [String: Any])
        #expect(sidecar["export"] as? String == "register" && sidecar["consent_rule"] is String)

        #expect(try await cli.run("export", "register", "--for-publication", "--out", "exports/public-register.csv").status == 0)
        let published = try CSVRows.rows(workspace.appending(path: "exports/public-register.csv"))
        var suppressed = 0
        for (row, proposal) in zip(published, proposals) {
            let count = Int(proposal["residents"] as? String ?? "") ?? -1
            let expected = count > 0 && count < 5 ? "< 5" : String(count)
            #expect(row["residents"] == expected, "\(row)")
            if expected == "< 5" { suppressed += 1 }
        }
        #expect(suppressed > 0, "the sample has proposals answering codes raised by fewer than five residents")
        let text = try String(contentsOf: workspace.appending(path: "exports/public-register.csv"), encoding: .utf8)
        #expect(!text.contains("R01") && !text.contains("S01"))
        let publicSidecar = try Data(contentsOf: workspace.appending(path: "exports/public-register.csv.meta.json"))
        #expect((try JSONSerialization.jsonObject(with: publicSidecar) as? [String: Any])?["small_cells_below"] as? Int == 5)
    }

    /// A session whose notes have one problem on each of lines 13–16 (status, date, code, solution).
    static func writeBadNotes(_ workspace: URL) throws {
        try """
        ---
        id: pl-009
        type: policy-lab
        title: Trasigt
        date: 2026-04-01
        language: sv
        participants: []
        ---
        # Labb

        ## Förslag P1: Samtyckesmodell

        - Status: nästan klar
        - Datum: 1 april
        - Svarar på: need.finns_inte
        - Lösningar: teleporter
        """.write(to: workspace.appending(path: "corpus/policy-lab/pl-009.md"), atomically: true, encoding: .utf8)
    }

    @Test func badNotesAreWarningsNamingFileAndLine() async throws {
        let (workspace, cli) = try await Self.sampleWithCodings()
        try Self.writeBadNotes(workspace)
        #expect(try await cli.run("ingest").status == 0)
        let result = try await cli.run("register")
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.contains { $0.hasPrefix("warning: corpus/policy-lab/pl-009.md:13: unknown status \"nästan klar\"") }, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("warning: corpus/policy-lab/pl-009.md:14: malformed date \"1 april\"") })
        #expect(warnings.contains { $0.hasPrefix("warning: corpus/policy-lab/pl-009.md:15: unknown code \"need.finns_inte\"") })
        #expect(warnings.contains { $0.hasPrefix("warning: corpus/policy-lab/pl-009.md:16: unknown solution \"teleporter\"") })
        let problems = try await #require((try cli.json("register") as? [String: Any])?["problems"] as? [String])
        #expect(problems.count == 4)
    }

    /// Ingest says what is wrong in the notes at once (issue 13 part 5): the register's problems
    /// are ingest warnings, file and line each, in the text and the JSON summary, and the ingest
    /// still succeeds (the notes are fine as documents).
    @Test func ingestWarnsAboutProblemsInThePolicyLabNotesWithoutFailing() async throws {
        let (workspace, cli) = try await Self.sampleWithCodings()
        try Self.writeBadNotes(workspace)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("added 1,"), "\(ingest.stdout)")
        let warnings = ingest.stderr.split(separator: "\n").map(String.init)
        for (line, problem) in [(13, "unknown status \"nästan klar\""), (14, "malformed date \"1 april\""),
                                (15, "unknown code \"need.finns_inte\""), (16, "unknown solution \"teleporter\"")] {
            #expect(warnings.contains { $0.hasPrefix("warning: corpus/policy-lab/pl-009.md:\(line): \(problem)") }, "\(warnings)")
        }
        // Unchanged files are skipped, but the warnings stay until the notes are fixed.
        let again = try #require(try await cli.json("ingest") as? [String: Any])
        let listed = try #require(again["warnings"] as? [String])
        #expect(listed.filter { $0.hasPrefix("corpus/policy-lab/pl-009.md:") }.count == 4, "\(listed)")
        #expect(again["unchanged"] as? Int ?? 0 > 0 && again["failed"] as? Int == 0)

        // Fixed notes: no warning left (a deleted file's document would be kept, so fix, not delete).
        let file = workspace.appending(path: "corpus/policy-lab/pl-009.md")
        let fixed = try String(contentsOf: file, encoding: .utf8)
            .replacing("- Status: nästan klar\n- Datum: 1 april\n- Svarar på: need.finns_inte\n- Lösningar: teleporter", with: "- Status: beslutad")
        #expect(fixed.contains("Status: beslutad"))
        try fixed.write(to: file, atomically: true, encoding: .utf8)
        let clean = try await cli.run("ingest")
        #expect(clean.status == 0 && !clean.stderr.contains("policy-lab/"), "\(clean.stderr)")
    }
}

import Foundation
import Testing

/// `handout --quote` and a plan station's `quotes:`: the facilitator's choice is printed, a rule
/// that leaves a choice out is said on standard error, and a choice naming nothing is refused
/// with nothing written.
@Suite struct HandoutChosenQuotesCLITests {
    /// The sample with two of R01's turns coded need.daily_structure (int-001): the fall, then the
    /// lamp in the hall; the handout alone would quote the first.
    static func sample() async throws -> (CLIRunner, URL, fall: String, lamp: String) {
        let root = try CLIRunner.sampleWorkspaceCopy()
        let cli = CLIRunner(workspace: root)
        try await cli.run("ingest")
        var ids: [String] = []
        for (start, end) in [(1091, 1120), (1726, 1800)] {
            let added = try await cli.run("code", "add", "int-001", "--start", "\(start)", "--end", "\(end)", "--code", "need.daily_structure", "--coder", "anna")
            #expect(added.status == 0, "\(added.stderr)")
            ids.append(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (cli, root, ids[0], ids[1])
    }

    @Test func quotesChosenOnTheCommandLineArePrintedInTheirOrder() async throws {
        let (cli, root, fall, lamp) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let automatic = try await cli.run("handout", "--theme", "need.daily_structure", "--format", "md")
        #expect(automatic.stdout.contains("Det var i januari förra året.") && !automatic.stdout.contains("lampan"))
        // The lamp, by a prefix of its id.
        let chosen = try await cli.run("handout", "--theme", "need.daily_structure", "--format", "md", "--quote", String(lamp.prefix(14)))
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("lampan") && !chosen.stdout.contains("Det var i januari"))
        // Both are R01's: the second is left out and said so; the handout is still written.
        let both = try await cli.run("handout", "--theme", "need.daily_structure", "--out", "exports/chosen.md", "--format", "md",
                                     "--quote", lamp, "--quote", fall)
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stderr.contains("chosen quote \(fall) left out: an earlier chosen quote is the same person's"))
        let written = try String(contentsOf: root.appending(path: "exports/chosen.md"), encoding: .utf8)
        #expect(written.contains("lampan") && !written.contains("Det var i januari"))
        // A choice naming no passage of the theme: refused, nothing written.
        let typo = try await cli.run("handout", "--theme", "need.daily_structure", "--out", "exports/typo.md", "--format", "md", "--quote", "c-zzz")
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("--quote c-zzz: no passage coded need.daily_structure (or a code below it) has this coding id"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "exports/typo.md").path))
        let withoutTheme = try await cli.run("handout", "--workshop", "corpus/workshops/ws-003-plan.yaml", "--quote", lamp)
        #expect(withoutTheme.status != 0 && withoutTheme.stderr.contains("--quote needs --theme"))
    }

    @Test func aPlanStationChoosesItsQuotesAndAMistakeNamesItsLine() async throws {
        let (cli, root, _, lamp) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = root.appending(path: "corpus/workshops/chosen.yaml")
        try """
            title: Vardagen
            language: sv
            stations:
              - name: Rutiner
                theme: need.daily_structure
                quotes: [\(lamp)]
            """.write(to: plan, atomically: true, encoding: .utf8)
        let good = try await cli.run("handout", "--workshop", "corpus/workshops/chosen.yaml", "--out", "exports/plan", "--format", "md")
        #expect(good.status == 0, "\(good.stderr)")
        let sheet = try String(contentsOf: root.appending(path: "exports/plan/01-need.daily_structure.md"), encoding: .utf8)
        #expect(sheet.contains("lampan") && !sheet.contains("Det var i januari"))
        try """
            title: Vardagen
            stations:
              - name: Rutiner
                theme: need.daily_structure
                quotes:
                  - \(lamp)
                  - c-zzz
            """.write(to: plan, atomically: true, encoding: .utf8)
        let bad = try await cli.run("handout", "--workshop", "corpus/workshops/chosen.yaml", "--out", "exports/plan2", "--format", "md")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("corpus/workshops/chosen.yaml:7: station 'Rutiner': quote 'c-zzz': no passage coded need.daily_structure"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "exports/plan2").path))
    }
}

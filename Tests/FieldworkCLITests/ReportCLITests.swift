import Foundation
import Testing

/// `fieldwork report` (issue 13 part 6): the study report from the coded material, with the
/// consent rule, small cells for publication, both languages, the same bytes on every run.
@Suite struct ReportCLITests {
    /// PublicationCLITests' six residents (R51–R56 speak of need.safety; R51 and R56 also of
    /// need.sleep), with R52's consent withdrawn.
    static func withdrawn() async throws -> CLIRunner {
        let cli = try await PublicationCLITests.workspace()
        let register = cli.workspace.appending(path: "corpus/participants.yaml")
        let text = try String(contentsOf: register, encoding: .utf8)
        try text.replacingOccurrences(of: "consents: [{id: c-R52, date: 2025-01-01, scopes: [interview, quote]}]",
                                      with: "consents: [{id: c-R52, date: 2025-01-01, scopes: [interview, quote], withdrawn: 2025-06-01}]")
            .write(to: register, atomically: true, encoding: .utf8)
        #expect(try await cli.run("ingest").status == 0)
        return cli
    }

    /// The report's actor map shows no Graphviz ids as tooltips (as the Actors page).
    @Test func theActorMapCarriesNoInternalIds() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy(codings: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        #expect(try await cli.run("report", "--lang", "en", "--out", "exports/r.html").status == 0)
        let html = try String(contentsOf: root.appending(path: "exports/r.html"), encoding: .utf8)
        #expect(html.contains("Care and welfare administration"), "the sample's report draws its actor map")
        #expect(!html.contains("<title>actor_map</title>") && !html.contains("<title>cluster_"))
    }

    @Test func aWithdrawnResidentsWordsAreAbsentAndTwoRunsGiveTheSameBytes() async throws {
        let cli = try await Self.withdrawn()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let first = try await cli.run("report")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("wrote the study report (en, 2 needs"))
        let url = cli.workspace.appending(path: "exports/report.html")
        let html = try String(contentsOf: url, encoding: .utf8)
        #expect(!html.contains("r52ord"), "a withdrawn resident's words")
        #expect(html.contains("r51ord") && html.contains("r53ord"), "consented quotes")
        // Counts follow the words: five residents may be counted for need.safety today, not six.
        #expect(html.contains("<li>Residents: 5</li>") && html.contains("<li>Residents: 2</li>"))
        #expect(!html.contains("R5"), "no pseudonym in the report")
        #expect(html.contains("<svg class=\"figure\"") && html.contains("What residents need") && html.contains("– a resident"))
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        #expect(try await cli.run("report", "--out", "exports/again.html").status == 0)
        #expect(try Data(contentsOf: url) == Data(contentsOf: cli.workspace.appending(path: "exports/again.html")), "same workspace, same bytes")
        #expect(try await cli.run("report", "--format", "md", "--out", "exports/a.md").status == 0)
        #expect(try await cli.run("report", "--format", "md", "--out", "exports/b.md").status == 0)
        let markdown = try Data(contentsOf: cli.workspace.appending(path: "exports/a.md"))
        #expect(markdown == (try Data(contentsOf: cli.workspace.appending(path: "exports/b.md"))))
        #expect(!String(decoding: markdown, as: UTF8.self).contains("r52ord"))

        let log = try String(contentsOf: cli.workspace.appending(path: "audit/log.jsonl"), encoding: .utf8)
        #expect(log.contains("report-html") && log.contains("report-md") && log.contains("exports/report.html"))
    }

    @Test func forPublicationSmallCountsAreHiddenInBothLanguages() async throws {
        let cli = try await PublicationCLITests.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let all = try await cli.run("report", "--format", "md", "--out", "exports/all.md")
        #expect(all.status == 0, "\(all.stderr)")
        let plain = try String(contentsOf: cli.workspace.appending(path: "exports/all.md"), encoding: .utf8)
        #expect(plain.hasPrefix("# Study report\n"))
        #expect(plain.contains("### Safety at home") && plain.contains("Residents: 6 · Relatives: 0 · Staff: 0"))
        #expect(plain.contains("Residents: 2 · Relatives: 0 · Staff: 0"))

        let english = try await cli.run("report", "--format", "md", "--for-publication", "--lang", "en", "--out", "exports/en.md")
        #expect(english.status == 0 && english.stdout.contains("counts below 5 shown as \"< 5\""), "\(english.stderr)")
        let text = try String(contentsOf: cli.workspace.appending(path: "exports/en.md"), encoding: .utf8)
        #expect(text.contains("Residents: 6 · Relatives: 0") && text.contains("Residents: < 5 · Relatives: 0"))
        #expect(!text.contains("Residents: 2"))
        #expect(text.contains("Numbers below 5 are shown as “< 5”"))
        // The map is not in the Markdown, and it says where it is (it described a map it did not hold).
        #expect(text.contains("The map itself is in the HTML and PDF versions of this report"))

        let swedish = try await cli.run("report", "--format", "md", "--for-publication", "--lang", "sv", "--out", "exports/sv.md")
        #expect(swedish.status == 0, "\(swedish.stderr)")
        let svenska = try String(contentsOf: cli.workspace.appending(path: "exports/sv.md"), encoding: .utf8)
        #expect(svenska.hasPrefix("# Studierapport\n") && svenska.contains("## Vad boende behöver"))
        #expect(svenska.contains("Boende: < 5 · Anhöriga: 0") && !svenska.contains("What residents"))
        // The sidecar-less report still states k in the audit entry, as every export.
        let log = try String(contentsOf: cli.workspace.appending(path: "audit/log.jsonl"), encoding: .utf8)
        #expect(log.contains("report-md"))

        let german = try await cli.run("report", "--lang", "de")
        #expect(german.status != 0 && german.stderr.contains("the report is written in sv or en, not 'de'"))
    }

    /// A Swedish report names the pilots' solutions in Swedish (the catalogue's translations),
    /// as /solutions does, and the codes the proposals answer (the codebook's); it named both in English.
    @Test func aSwedishReportNamesTheSolutionsInSwedish() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy(codings: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        #expect(try await cli.run("telemetry", "import", "corpus/telemetry/pilot-2025-08.senml.json").status == 0)
        let result = try await cli.run("report", "--lang", "sv", "--format", "md", "--out", "exports/sv.md")
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: root.appending(path: "exports/sv.md"), encoding: .utf8)
        #expect(report.contains("| Dörrsensor på ytterdörren |"))
        #expect(!report.contains("Door sensor on the front door"))
        // The codes a proposal answers too (a new user found them in English beside Swedish solutions).
        #expect(report.contains("Saknar BankID / e-legitimation"), "\(report)")
        #expect(!report.contains("No BankID / e-identification"))
    }

    /// The sample study: three coders, a consensus adjudicated for int-001 and int-002.
    @Test func theSampleStudysReportUsesTheConsensusWhereTheTeamDecided() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy(codings: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        let result = try await cli.run("report", "--lang", "en", "--format", "md")
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: root.appending(path: "exports/report.md"), encoding: .utf8)
        #expect(text.contains("decided together (2 documents), their joint decision is used"))
        #expect(text.contains("## Proposals from the policy labs") && text.contains("| P1: "))
        #expect(text.contains("| Interviews | 7 |"))
        for pseudonym in ["R01", "R02", "S01"] { #expect(!text.contains(pseudonym), "\(pseudonym)") }

        // corpus/access.yaml: policy-lab notes and R01's words for Anna only. Bo's report has no
        // proposals and none of R01's words; Anna's has both.
        try "restricted:\n  - document_type: policy-lab\n    coders: [Anna]\n  - participant: R01\n    coders: [Anna]\n"
            .write(to: root.appending(path: "corpus/access.yaml"), atomically: true, encoding: .utf8)
        #expect(try await cli.run(["report", "--lang", "en", "--format", "md", "--out", "exports/bo.md"], environment: ["FIELDWORK_CODER": "Bo"]).status == 0)
        #expect(try await cli.run(["report", "--lang", "en", "--format", "md", "--out", "exports/anna.md"], environment: ["FIELDWORK_CODER": "Anna"]).status == 0)
        let bo = try String(contentsOf: root.appending(path: "exports/bo.md"), encoding: .utf8)
        let anna = try String(contentsOf: root.appending(path: "exports/anna.md"), encoding: .utf8)
        #expect(!bo.contains("| P1: ") && bo.contains("their proposals are not shown here"))
        #expect(anna.contains("| P1: "))
        let r01 = "Det var i januari förra året."
        #expect(anna.contains(r01) && !bo.contains(r01), "R01's words follow access")
    }

    @Test func pdfIsPrintedByChromium() async throws {
        let cli = try await PublicationCLITests.workspace()
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let missing = try await cli.run(["report", "--format", "pdf"], environment: ["PATH": "/nonexistent"])
        #expect(missing.status != 0 && missing.stderr.contains("'chromium' is not installed"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return }
        let result = try await cli.run("report", "--format", "pdf", "--lang", "sv")
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try Data(contentsOf: cli.workspace.appending(path: "exports/report.pdf"))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
    }
}

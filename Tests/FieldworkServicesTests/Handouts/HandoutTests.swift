import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct HandoutTests {
    /// R14 may be quoted; R17 consented to the interview but not to quotes; R18's quote consent
    /// was withdrawn before the interview.
    static let participants = TemporaryWorkspace.participants + """

          - id: R17
            role: resident
            administrations: [labour]
            attributes: {age_band: "30-39"}
            consents:
              - {id: c-r17, date: 2025-02-01, scopes: [interview, recording]}
          - id: R18
            role: resident
            administrations: [school]
            consents:
              - {id: c-r18, date: 2025-02-01, scopes: [interview, quote], withdrawn: 2025-03-01}
        """

    static func workspace() async throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace(participants: participants)
        try workspace.write("codebooks/solutions.yaml", TelemetryFixture.solutions)
        try workspace.write("corpus/interviews/int-014.md", TemporaryWorkspace.interview(participants: "[R14, R17, R18]", body: """
            **R14:** Jag är rädd på natten <när> det knakar & låter.

            **R17:** Jag ligger vaken och lyssnar efter steg i trapphuset.

            **R18:** Natten är det värsta, jag tänder alla lampor.
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "Jag är rädd på natten <när> det knakar & låter", code: "need.safety.night")
        _ = try await workspace.code("int-014", quote: "lyssnar efter steg i trapphuset", code: "need.safety.night")
        _ = try await workspace.code("int-014", quote: "jag tänder alla lampor", code: "need.safety")
        let solution = try #require(SolutionCatalogue.load(workspace.context.workspace).solutions.first)
        _ = try await workspace.context.needLinks.link(need: "need.safety.night", solution: solution.id, rationale: "calls at night", coder: "anna")
        return workspace
    }

    @Test func theHandoutQuotesOnlyWhomConsentAllowsAndNamesNobody() async throws {
        let workspace = try await Self.workspace()
        let handout = try await HandoutService(workspace: workspace.context.workspace, store: workspace.store).handout(codeID: "need.safety")
        #expect(handout.residents == 3)
        #expect(handout.administrations == [.social, .care, .labour, .school])
        #expect(handout.quotes.map(\.speaker) == ["Resident, 70–79"])
        #expect(handout.quotesWithheld == 2)
        #expect(handout.solutions.count == 1)

        let html = HandoutHTMLRenderer.render(handout, date: "2025-04-01")
        #expect(html.contains("Jag är rädd på natten &lt;när&gt; det knakar &amp; låter"))
        #expect(html.contains("— Resident, 70–79"))
        #expect(!html.contains("lyssnar efter steg"), "R17 has no quote consent")
        #expect(!html.contains("tänder alla lampor"), "R18 withdrew quote consent before the interview")
        for pseudonym in ["R14", "R17", "R18"] { #expect(!html.contains(pseudonym)) }
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("http://") && !html.contains("https://"), "no outside resources")
        #expect(html.contains("class=\"notes\""))
        let linked = HandoutHTMLRenderer.render(handout, date: "2025-04-01", styling: .linked(stylesheet: "/static/handout.css", script: "/static/handout.js"))
        #expect(!linked.contains("<style") && !linked.contains("style="))
        #expect(linked.contains("<link rel=\"stylesheet\" href=\"/static/handout.css\">"))

        let markdown = HandoutMarkdownRenderer.render(handout, date: "2025-04-01")
        #expect(markdown.contains("> — Resident, 70–79") && !markdown.contains("trapphuset"))
    }

    @Test func aWorkshopPlanGivesOneHandoutPerStationAndReportsProblemsByLine() async throws {
        let workspace = try await Self.workspace()
        let service = HandoutService(workspace: workspace.context.workspace, store: workspace.store)
        try workspace.write("plan.yaml", """
            title: Trygg hemma
            date: 2025-05-20
            stations:
              - {name: Station 1 – Nights, theme: need.safety.night}
              - {name: Station 2 – Costs, theme: barrier.cost}
            """)
        let plan = try service.plan(at: workspace.root.appending(path: "plan.yaml"))
        let handouts = try await service.handouts(plan: plan)
        #expect(handouts.map(\.station) == ["Station 1 – Nights", "Station 2 – Costs"])
        #expect(handouts.map(\.codeID) == ["need.safety.night", "barrier.cost"])

        try workspace.write("bad.yaml", "title: X\ndate: 2025-13-01\nstations:\n  - {name: A}\n")
        let error = #expect(throws: SourceProblems.self) { try service.plan(at: workspace.root.appending(path: "bad.yaml")) }
        #expect(error?.problems.map(\.description) == ["bad.yaml:2: date '2025-13-01' is not a calendar date YYYY-MM-DD", "bad.yaml:4: missing 'theme'"])
    }

    @Test func thePDFIsPrintedByHeadlessChromium() throws {
        guard ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: FileManager.default.isExecutableFile) else {
            Issue.record("chromium is not installed (scripts/install-deps.sh test)")
            return
        }
        let handout = Handout(codeID: "need.x", title: "Trygg på natten", description: "Nätterna.", station: nil, residents: 2, participants: 2,
                              administrations: [.care], quotes: [.init(text: "Jag sover dåligt.", speaker: "Resident, 70–79")],
                              quotesWithheld: 0, solutions: [], questions: ["Vad hjälper?"])
        let pdf = try ChromiumPrinter.pdf(html: HandoutHTMLRenderer.render(handout, date: "2025-04-01"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(pdf.count > 5_000)
    }
}

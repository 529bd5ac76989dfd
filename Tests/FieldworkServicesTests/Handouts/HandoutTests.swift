import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

@Suite struct HandoutTests {
    /// R14 may be quoted; R17 consented to the interview but not to quotes; R18's quote consent
    /// was withdrawn before the interview; S05 is staff (never quoted on a resident's handout).
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
          - id: S05
            role: staff
            administrations: [care]
            consents:
              - {id: c-s05, date: 2025-02-01, scopes: [interview, quote]}
        """

    /// The test codebook with a study language, Swedish and English texts and questions.
    static let codebook = """
        title: Test codebook
        language: sv
        codes:
          - id: need
            name: {en: Needs, sv: Behov}
            kind: need
            children:
              - id: need.safety
                name: {en: Safety at home, sv: Trygghet i hemmet}
                description: {en: Feeling safe at home. Also at night., sv: Att känna sig trygg hemma. Också på natten.}
                questions:
                  sv: [Vad gör dig trygg hemma?, Vem ringer du först?]
                  en: [What makes you feel safe at home?, Whom do you call first?]
                children:
                  - id: need.safety.night
                    name: {en: At night, sv: På natten}
                    questions: {sv: [Vad hör du på natten?]}
          - id: barrier
            name: {en: Barriers, sv: Hinder}
            kind: barrier
            children:
              - id: barrier.cost
                name: {en: Cost, sv: Kostnad}
                questions: [Vad får det kosta?]
        """

    static func workspace(codebook: String = HandoutTests.codebook) async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace(participants: participants, codebook: codebook)
        try workspace.write("codebooks/solutions.yaml", TelemetryFixture.solutions)
        try workspace.write("corpus/interviews/int-014.md", TemporaryWorkspace.interview(participants: "[R14, R17, R18, S05]", body: """
            **R14:** Jag är rädd på natten <när> det knakar & låter.

            **R17:** Jag ligger vaken och lyssnar efter steg i trapphuset.

            **R18:** Natten är det värsta, jag tänder alla lampor.

            **S05:** Nattpatrullen har långt att köra.

            **R14:** Jag har lampan tänd i hallen hela natten.
            """))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "Jag är rädd på natten <när> det knakar & låter", code: "need.safety.night")
        _ = try await workspace.code("int-014", quote: "lyssnar efter steg i trapphuset", code: "need.safety.night")
        _ = try await workspace.code("int-014", quote: "jag tänder alla lampor", code: "need.safety")
        _ = try await workspace.code("int-014", quote: "Nattpatrullen har långt att köra", code: "need.safety")
        _ = try await workspace.code("int-014", quote: "Jag har lampan tänd i hallen", code: "need.safety")
        _ = try await workspace.code("int-014", quote: "Jag är rädd på natten", code: "barrier.cost")
        let solution = try #require(SolutionCatalogue.load(workspace.context.workspace).solutions.first)
        _ = try await workspace.context.needLinks.link(need: "need.safety.night", solution: solution.id, rationale: "calls at night", coder: "anna")
        return workspace
    }

    static func service(_ workspace: TemporaryWorkspace) -> HandoutService {
        HandoutService(workspace: workspace.context.workspace, store: workspace.store)
    }

    @Test func theHandoutQuotesResidentsWhomConsentAllowsOnceEachAndNamesNobody() async throws {
        let workspace = try await Self.workspace()
        let handout = try await Self.service(workspace).handout(codeID: "need.safety")
        // R18 withdrew: their words count no one, so neither they nor their administration (school) is counted.
        #expect(handout.residents == 2)
        #expect(handout.administrations == [.social, .care, .labour])
        // R14 once (of two turns); R17 and R18 withheld; S05 is staff: not a quote, not withheld.
        #expect(handout.quotes.map(\.text) == ["Jag är rädd på natten <när> det knakar & låter"])
        // R14 is the only resident aged 70–79: fewer than k = 5 share the band.
        #expect(handout.quotes.map(\.attribution) == [Handout.Attribution(role: .resident)])
        #expect(handout.quotesWithheld == 2)
        #expect(handout.solutions.count == 1)

        let html = HandoutHTMLRenderer.render(handout, date: "2025-04-01").rendered
        #expect(html.contains("”Jag är rädd på natten &lt;när&gt; det knakar &amp; låter”"))
        #expect(html.contains("<footer>– en boende</footer>"))
        for absent in ["lyssnar efter steg", "tänder alla lampor", "Nattpatrullen", "lampan tänd", "70–79"] { #expect(!html.contains(absent), "\(absent)") }
        for pseudonym in ["R14", "R17", "R18", "S05"] { #expect(!html.contains(pseudonym)) }
        #expect(html.contains("@page { size: A4"))
        #expect(!html.contains("http://") && !html.contains("https://"), "no outside resources")
        #expect(!html.contains("class=\"facts\""), "no analyst box on a resident's handout")
        #expect(html.components(separatedBy: "class=\"write\"").count - 1 == 2, "room to write under each of the code's two questions")
        #expect(html.contains("Vad gör dig trygg hemma?"))
        let linked = HandoutHTMLRenderer.render(handout, date: "2025-04-01", styling: .linked(stylesheet: "/static/handout.css", script: "/static/handout.js", toolbar: "")).rendered
        #expect(!linked.contains("<style") && !linked.contains("style="))
        #expect(linked.contains("<link rel=\"stylesheet\" href=\"/static/handout.css\">"))

        let markdown = HandoutMarkdownRenderer.render(handout, date: "2025-04-01")
        #expect(markdown.contains("> – en boende") && !markdown.contains("trapphuset"))
        // The interview is Swedish: an English handout quotes none of it.
        #expect(try await Self.service(workspace).handout(codeID: "need.safety", request: .init(language: "en")).quotes.isEmpty)
    }

    /// The language: asked for, else the plan's, else the codebook's `language:`, else English.
    @Test func handoutsAreWrittenInTheWorkshopsOrTheCodebooksLanguage() async throws {
        let workspace = try await Self.workspace()
        let service = Self.service(workspace)
        let swedish = try await service.handout(codeID: "need.safety")
        #expect(swedish.language == "sv" && swedish.title == "Trygghet i hemmet")
        let html = HandoutHTMLRenderer.render(swedish, date: "2025-04-01").rendered
        #expect(html.contains("<html lang=\"sv\">"))
        for text in ["Så här har boende berättat", "Idéer att prata om", "Frågor att prata om", "Vad gör dig trygg hemma?", "– en boende", "”Jag är rädd"] {
            #expect(html.contains(text), "\(text)")
        }
        for english in ["In their own words", "Questions", "Notes", "resident", "Cost to", "What makes you"] { #expect(!html.contains(english), "\(english)") }

        try workspace.write("plan.yaml", "title: Workshop\nlanguage: en\nstations:\n  - {name: One, theme: need.safety}\n")
        let plan = try service.plan(at: workspace.root.appending(path: "plan.yaml"))
        #expect(try await service.handouts(plan: plan).map(\.title) == ["Safety at home"])
        #expect(try await service.handouts(plan: plan, request: .init(language: "sv")).map(\.title) == ["Trygghet i hemmet"])
        await #expect(throws: HandoutError.self) { try await service.handout(codeID: "need.safety", request: .init(language: "de")) }
        try workspace.write("bad.yaml", "title: X\nlanguage: de\nstations: []\n")
        let error = #expect(throws: SourceProblems.self) { try service.plan(at: workspace.root.appending(path: "bad.yaml")) }
        #expect(error?.problems.map(\.description) == ["bad.yaml:2: language 'de': handouts are written in sv or en"])

        // Without a `language:` anywhere: English.
        let plain = try await Self.workspace(codebook: Self.codebook.replacingOccurrences(of: "language: sv\n", with: ""))
        #expect(try await Self.service(plain).handout(codeID: "need.safety").language == "en")
    }

    /// A code's questions in the handout's language; only in other languages: the defaults
    /// (never mixed languages); a plain list: in every language.
    @Test func questionsComeFromTheCodebookPerLanguageWithDefaults() async throws {
        let workspace = try await Self.workspace()
        let service = Self.service(workspace)
        #expect(try await service.handout(codeID: "need.safety.night").questions == ["Vad hör du på natten?"])
        let english = try await service.handout(codeID: "need.safety.night", request: .init(language: "en"))
        #expect(english.questions == [])
        let html = HandoutHTMLRenderer.render(english, date: "2025-04-01").rendered
        #expect(html.contains("When does this matter most to you in an ordinary week?"))
        #expect(html.contains("Would “Door sensor"), "the last default question names the first candidate solution")
        #expect(try await service.handout(codeID: "barrier.cost", request: .init(language: "en")).questions == ["Vad får det kosta?"])
    }

    /// Barriers and preconditions cannot be linked to solutions: no solutions part, their own
    /// default questions.
    @Test func barriersHaveTheirOwnTemplate() async throws {
        let workspace = try await Self.workspace(codebook: Self.codebook.replacingOccurrences(of: "\n        questions: [Vad får det kosta?]", with: ""))
        let handout = try await Self.service(workspace).handout(codeID: "barrier.cost")
        #expect(handout.template == .barrier && handout.solutions.isEmpty)
        let html = HandoutHTMLRenderer.render(handout, date: "2025-04-01").rendered
        #expect(!html.contains("Idéer att prata om"))
        #expect(html.contains("<p class=\"kind\">Hinder</p>"))
        #expect(html.contains("När stöter du på det här?"))
    }

    /// Easy-read: larger type (its class), two quotes, one solution, three questions, each
    /// sentence of the description on a line of its own, and none of the researchers' words.
    @Test func theEasyReadVariantIsShortAndPlain() async throws {
        let workspace = try await Self.workspace(codebook: Self.codebook.replacingOccurrences(of: "        questions:\n          sv: [Vad gör dig trygg hemma?, Vem ringer du först?]\n          en: [What makes you feel safe at home?, Whom do you call first?]\n", with: ""))
        let handout = try await Self.service(workspace).handout(codeID: "need.safety", request: .init(easyRead: true))
        #expect(handout.easyRead && handout.quotes.count <= 2 && handout.solutions.count <= 1)
        let html = HandoutHTMLRenderer.render(handout, date: "2025-04-01").rendered
        #expect(html.contains("<body class=\"easy-read\">"))
        #expect(html.contains("<p class=\"lead\">Att känna sig trygg hemma.</p><p class=\"lead\">Också på natten.</p>"))
        #expect(html.components(separatedBy: "class=\"write\"").count - 1 == 3)
        for text in ["Det här har boende sagt", "Frågor", "När är det här viktigt för dig?", "Vem hjälper dig i dag?", "Kostar: inget"] {
            #expect(html.contains(text), "\(text)")
        }
        let visible = html.replacingOccurrences(of: #"<style>[^<]*</style>|<[^>]+>"#, with: " ", options: .regularExpression).lowercased()
        for jargon in ["kodning", "coding", "deltagare", "participant", "samtycke tillämpat", "informant", "respondent", "need.", "consent"] {
            #expect(!visible.contains(jargon), "\(jargon)")
        }
        let standard = HandoutHTMLRenderer.render(try await Self.service(workspace).handout(codeID: "need.safety"), date: "2025-04-01").rendered
        #expect(!standard.contains("easy-read\""))
    }

    @Test func aWorkshopPlanGivesOneSheetPerStationAndAPack() async throws {
        let workspace = try await Self.workspace()
        let service = Self.service(workspace)
        try workspace.write("plan.yaml", """
            title: Trygg hemma
            date: 2025-05-20
            place: Träffpunkten
            contact: Anna på kontaktcenter
            stations:
              - {name: Station 1 – Nätter, theme: need.safety.night}
              - {name: Station 2 – Kostnad, theme: barrier.cost}
            """)
        let plan = try service.plan(at: workspace.root.appending(path: "plan.yaml"))
        let handouts = try await service.handouts(plan: plan)
        #expect(handouts.map(\.station) == ["Station 1 – Nätter", "Station 2 – Kostnad"])
        #expect(handouts.map(\.codeID) == ["need.safety.night", "barrier.cost"])
        #expect(handouts.map(\.workshop) == ["Trygg hemma", "Trygg hemma"])
        let single = HandoutHTMLRenderer.render(handouts[0], date: "2025-05-20").rendered
        #expect(single.contains("<p class=\"kicker\">Trygg hemma · Station 1 – Nätter</p>"))

        let pack = WorkshopPackRenderer.html(plan: plan, handouts: handouts, language: "sv", easyRead: false, date: "2025-05-20").rendered
        #expect(pack.components(separatedBy: "<section class=\"sheet").count - 1 == 4, "cover, two stations, consent")
        for text in ["<h1>Trygg hemma</h1>", "Datum: 2025-05-20", "Plats: Träffpunkten", "<li>Station 1 – Nätter</li>", "Om dina svar och citaten",
                     "Kontakta Anna på kontaktcenter.", "Du kan ta tillbaka ditt ja"] {
            #expect(pack.contains(text), "\(text)")
        }
        let markdown = HandoutMarkdownRenderer.pack(plan: plan, handouts: handouts, language: "sv", easyRead: true, date: "2025-05-20")
        #expect(markdown.hasPrefix("# Trygg hemma") && markdown.contains("# Om dina svar"))

        try workspace.write("bad.yaml", "title: X\ndate: 2025-13-01\nstations:\n  - {name: A}\n")
        let error = #expect(throws: SourceProblems.self) { try service.plan(at: workspace.root.appending(path: "bad.yaml")) }
        #expect(error?.problems.map(\.description) == ["bad.yaml:2: date '2025-13-01' is not a calendar date YYYY-MM-DD", "bad.yaml:4: missing 'theme'"])
    }

    /// Printed by headless Chromium: one A4 page per sheet (the old layout put the notes box
    /// alone on a second page). Pages are counted in the PDF's page tree.
    /// The footer's note on quotes left out: none, one (in the singular: a new user read
    /// "1 quotes are not shown"), several; in both languages and variants.
    @Test func theFooterCountsQuotesLeftOutInTheRightNumber() throws {
        for (language, easyRead, one, two) in [("en", false, "1 quote is not shown", "2 quotes are not shown"),
                                               ("en", true, "1 quote is not shown", "2 quotes are not shown"),
                                               ("sv", false, "1 citat visas inte", "2 citat visas inte"),
                                               ("sv", true, "1 citat visas inte", "2 citat visas inte")] {
            let texts = try #require(HandoutTexts.of(language: language, easyRead: easyRead))
            #expect(texts.withheldNote(0) == nil)
            #expect(texts.withheldNote(1)?.hasPrefix(one) == true, "\(language) \(easyRead): \(texts.withheldNote(1) ?? "")")
            #expect(texts.withheldNote(2)?.hasPrefix(two) == true, "\(language) \(easyRead)")
        }
        #expect(HandoutTexts.of(language: "en", easyRead: false)?.withheldNote(1) == "1 quote is not shown, because we do not have consent for it.")
    }

    @Test func eachSheetPrintsOnOneA4Page() async throws {
        guard PDFPages.chromiumInstalled else {
            Issue.record("chromium is not installed (scripts/install-deps.sh test)")
            return
        }
        let workspace = try await Self.workspace()
        let service = Self.service(workspace)
        for easyRead in [false, true] {
            let handout = try await service.handout(codeID: "need.safety", request: .init(easyRead: easyRead))
            let pdf = try await ChromiumPrinter.pdf(html: HandoutHTMLRenderer.render(handout, date: "2025-04-01"))
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
            #expect(PDFPages.count(pdf) == 1, "easy-read: \(easyRead)")
        }
        try workspace.write("plan.yaml", "title: T\nstations:\n  - {name: A, theme: need.safety}\n  - {name: B, theme: barrier.cost}\n  - {name: C, theme: need.safety.night}\n")
        let plan = try service.plan(at: workspace.root.appending(path: "plan.yaml"))
        let pack = WorkshopPackRenderer.html(plan: plan, handouts: try await service.handouts(plan: plan, request: .init(easyRead: true)),
                                             language: "sv", easyRead: true, date: "2025-04-01")
        await #expect(PDFPages.count(try ChromiumPrinter.pdf(html: pack)) == 5, "cover, three stations, consent")
    }

}

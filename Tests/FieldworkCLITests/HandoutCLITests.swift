import FieldworkTestSupport
import Foundation
import Testing

@Suite struct HandoutCLITests {
    /// The sample corpus with one need coded in R01's, R02's, R05's and R08's words. R02 and R08
    /// have no `quote` scope in corpus/participants.yaml; R01 and R05 do.
    static func sample() async throws -> (CLIRunner, URL, allowed: [String], refused: [String]) {
        let root = try CLIRunner.sampleWorkspaceCopy()
        let cli = CLIRunner(workspace: root)
        try await cli.run("ingest")
        var quotes: [String: String] = [:]
        for (document, start, end) in [("int-001", 1726, 1800), ("int-002", 884, 943), ("int-005", 838, 900), ("int-007", 414, 480)] {
            let result = try await cli.run("code", "add", document, "--start", "\(start)", "--end", "\(end)", "--code", "need.daily_structure", "--coder", "anna")
            #expect(result.status == 0, "\(result.stderr)")
            let segments = try await cli.run("segments", document, "--json")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(segments.stdout.utf8)) as? [[String: Any]])
            let text = try #require(list.first { ($0["start"] as? Int ?? .max) <= start && start < ($0["end"] as? Int ?? 0) }?["text"] as? String)
            let offset = start - (list.first { ($0["start"] as? Int ?? .max) <= start && start < ($0["end"] as? Int ?? 0) }?["start"] as? Int ?? 0)
            quotes[document] = String(String.UnicodeScalarView(Array(text.unicodeScalars)[offset..<min(offset + 25, text.unicodeScalars.count)]))
        }
        return (cli, root, [quotes["int-001"]!, quotes["int-005"]!], [quotes["int-002"]!, quotes["int-007"]!])
    }

    /// As the handout writes text into HTML.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test func handoutsQuoteOnlyParticipantsWithQuoteConsent() async throws {
        let (cli, root, allowed, refused) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await cli.run("handout", "--theme", "need.daily_structure", "--out", "exports/daily.html")
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: root.appending(path: "exports/daily.html"), encoding: .utf8)
        // The sample's handouts are Swedish: R01's words (a Swedish interview) are quoted, R05's
        // (an English one) only on an English handout.
        #expect(html.contains(Self.escaped(allowed[0])), "consented quote '\(allowed[0])' is missing")
        #expect(!html.contains(Self.escaped(allowed[1])), "an English quote on a Swedish handout")
        for quote in refused { #expect(!html.contains(Self.escaped(quote)), "quote '\(quote)' has no consent") }
        #expect(try await cli.run("handout", "--theme", "need.daily_structure", "--lang", "en", "--out", "exports/daily-en.html").status == 0)
        let englishHTML = try String(contentsOf: root.appending(path: "exports/daily-en.html"), encoding: .utf8)
        #expect(englishHTML.contains(Self.escaped(allowed[1])) && !englishHTML.contains(Self.escaped(allowed[0])))
        for quote in refused { #expect(!englishHTML.contains(Self.escaped(quote)), "quote '\(quote)' has no consent") }
        for pseudonym in ["R01", "R02", "R05", "R08"] { #expect(!html.contains(pseudonym)) }
        #expect(html.contains("<style>") && html.contains("@page { size: A4"))

        let markdown = try await cli.run("handout", "--theme", "need.daily_structure", "--format", "md")
        for quote in refused { #expect(!markdown.stdout.contains(quote)) }
        // The theme's Swedish name heads a Swedish handout, its English name an English one.
        #expect(markdown.stdout.hasPrefix("# Struktur och rutiner i vardagen"))
        // The sample codebook's `language: sv`: Swedish headings; --lang en asks for English.
        #expect(markdown.stdout.contains("## Så här har boende berättat"))
        let english = try await cli.run("handout", "--theme", "need.daily_structure", "--format", "md", "--lang", "en")
        #expect(english.stdout.contains("## What residents told us") && !english.stdout.contains("boende"))
        #expect(english.stdout.hasPrefix("# Daily structure"))
        let german = try await cli.run("handout", "--theme", "need.daily_structure", "--lang", "de")
        #expect(german.status != 0 && german.stderr.contains("handouts are written in sv or en, not 'de'"))
    }

    /// `--pack`: the sample plan's whole pack in one file, easy-read, in the plan's language.
    @Test func aPackHoldsTheCoverEveryStationAndTheConsentSheet() async throws {
        let (cli, root, allowed, refused) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        try "title: Vardag\ndate: 2025-06-01\nlanguage: sv\nstations:\n  - {name: Station 1, theme: need.daily_structure}\n  - {name: Station 2, theme: barrier.digital_exclusion}\n"
            .write(to: root.appending(path: "plan.yaml"), atomically: true, encoding: .utf8)
        let result = try await cli.run("handout", "--workshop", "plan.yaml", "--pack", "--easy-read", "--out", "exports/pack.html")
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: root.appending(path: "exports/pack.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<section class=\"sheet").count - 1 == 4)
        #expect(html.contains("<body class=\"easy-read\">") && html.contains("<html lang=\"sv\">"))
        for text in ["<h1>Vardag</h1>", "Program", "<li>Station 1</li>", "Digitalt utanförskap", "Om dina svar",
                     "När behöver du BankID, en telefon eller internet och har det inte?"] {
            #expect(html.contains(text), "\(text)")
        }
        // R01's words (Swedish, consented) open the quote; none refused.
        #expect(html.contains(Self.escaped(String(allowed[0].prefix(15)))))
        for quote in refused { #expect(!html.contains(Self.escaped(String(quote.prefix(15))))) }
        #expect(try await cli.run("handout", "--theme", "need.safety", "--pack").status != 0, "--pack needs --workshop")
    }

    /// "1 quote", not "1 quotes" (issue 13 part 7).
    /// The sample study's sheets each print on one A4 page (found by a new user: the night
    /// handout, with two long solutions and four questions, ran onto a second page, and the
    /// workshop pack onto six).
    @Test func theSampleStudysSheetsPrintOnOnePageEach() async throws {
        guard PDFPages.chromiumInstalled else {
            Issue.record("chromium is not installed (scripts/install-deps.sh test)")
            return
        }
        let root = try CLIRunner.sampleWorkspaceCopy(codings: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        #expect(try await cli.run("ingest").status == 0)
        for (index, arguments) in [["need.safety.night"], ["need.safety.night", "--easy-read"], ["need.contact_city", "--easy-read"],
                                   ["need.contact_city"], ["barrier.cost", "--lang", "en"]].enumerated() {
            let result = try await cli.run(["handout", "--theme"] + arguments + ["--format", "pdf", "--out", "exports/h\(index).pdf"])
            #expect(result.status == 0, "\(result.stderr)")
            let pdf = try Data(contentsOf: root.appending(path: "exports/h\(index).pdf"))
            #expect(PDFPages.count(pdf) == 1, "\(arguments)")
        }
        let pack = try await cli.run("handout", "--workshop", "corpus/workshops/ws-003-plan.yaml", "--pack", "--format", "pdf", "--out", "exports/pack.pdf")
        #expect(pack.status == 0, "\(pack.stderr)")
        #expect(PDFPages.count(try Data(contentsOf: root.appending(path: "exports/pack.pdf"))) == 5, "cover, three stations, consent")
    }

    @Test func theSummaryLineCountsOneQuoteInTheSingular() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        try await cli.run("ingest")
        #expect(try await cli.run("code", "add", "int-001", "--start", "1726", "--end", "1800", "--code", "need.daily_structure", "--coder", "anna").status == 0)
        let result = try await cli.run("handout", "--theme", "need.daily_structure", "--out", "exports/one.html")
        #expect(result.status == 0 && result.stdout.contains("(1 quote, 0 withheld)"), "\(result.stdout)\(result.stderr)")
    }

    @Test func aWorkshopPlanWritesOneHandoutPerStation() async throws {
        let (cli, root, _, refused) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = root.appending(path: "plan.yaml")
        try "title: Vardag\ndate: 2025-06-01\nstations:\n  - {name: Station 1, theme: need.daily_structure}\n  - {name: Station 2, theme: need.safety}\n"
            .write(to: plan, atomically: true, encoding: .utf8)
        let result = try await cli.run("handout", "--workshop", plan.path)
        #expect(result.status == 0, "\(result.stderr)")
        let folder = root.appending(path: "exports/handouts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["01-need.daily_structure.html", "02-need.safety.html"])
        let first = try String(contentsOf: folder.appending(path: files[0]), encoding: .utf8)
        #expect(first.contains("Station 1") && first.contains("2025-06-01"))
        for quote in refused { #expect(!first.contains(Self.escaped(quote))) }
    }

    /// As the README shows them: a PDF without --out goes to exports/handouts/, like the
    /// report's to exports/ (they used to be refused with "--format pdf needs --out").
    @Test func pdfsWithoutOutGoToTheHandoutsFolder() async throws {
        let (cli, root, _, _) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return }
        try "title: Vardag\ndate: 2025-06-01\nstations:\n  - {name: Station 1, theme: need.daily_structure}\n"
            .write(to: root.appending(path: "plan.yaml"), atomically: true, encoding: .utf8)
        let pack = try await cli.run("handout", "--workshop", "plan.yaml", "--pack", "--format", "pdf")
        #expect(pack.status == 0, "\(pack.stderr)")
        let theme = try await cli.run("handout", "--theme", "need.daily_structure", "--format", "pdf")
        #expect(theme.status == 0, "\(theme.stderr)")
        for name in ["pack.pdf", "need.daily_structure.pdf"] {
            let pdf = try Data(contentsOf: root.appending(path: "exports/handouts/\(name)"))
            #expect(pdf.starts(with: Data("%PDF".utf8)), "\(name)")
        }
    }

    @Test func pdfWithoutChromiumSaysSo() async throws {
        let (cli, root, _, _) = try await Self.sample()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await cli.run(["handout", "--theme", "need.daily_structure", "--format", "pdf", "--out", "x.pdf"], environment: ["PATH": "/nonexistent"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'chromium' is not installed"))
    }
}

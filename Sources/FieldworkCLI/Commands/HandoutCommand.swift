import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct HandoutCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, pdf
    }

    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "A print-ready A4 workshop handout for a theme, one per station of a workshop plan, or a plan's whole pack.",
        discussion: """
            Quotes are residents' own words from their turns, only when their consent covers `quote` today, one per \
            person, shown as "a resident" (with an age band only when at least k people share it), never by pseudonym. \
            Written in --lang, else the plan's `language`, else the codebook's `language`. pdf prints the HTML with \
            headless Chromium. --theme without --out prints html and md; a --workshop plan (title, date, language, \
            place, contact, agenda, stations: [{name, theme, quotes}]) writes one file per station into --out (a folder, \
            default exports/handouts), or with --pack one file: cover and agenda, the stations, consent information.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("The theme or need (a code id; the codes below it count too).", valueName: "CODE_ID"))
    var theme: String?

    @Option(help: ArgumentHelp("A workshop plan YAML: one handout per station.", valueName: "PLAN.yaml"))
    var workshop: String?

    @Flag(help: "With --workshop: the whole pack (agenda, stations, consent information) as one file.")
    var pack = false

    @Option(help: "html, md or pdf.")
    var format: Format = .html

    @Option(help: ArgumentHelp("sv or en (default: the plan's language, else the codebook's, else en).", valueName: "LANG"))
    var lang: String?

    @Flag(help: "Easy-read: short sentences, one idea per line, larger type, fewer and shorter quotes.")
    var easyRead = false

    @Flag(help: "For the city: counts below the workspace's minimum (fieldwork.yaml, default 5) are \"< k\".")
    var forPublication = false

    @Option(name: .customLong("quote"), help: ArgumentHelp(
        "With --theme: a quote chosen by hand, by its coding id (or a unique prefix); repeat in print order. Without it the handout chooses.",
        valueName: "CODING_ID"))
    var quotes: [String] = []

    @Option(help: ArgumentHelp("Output file (--theme: standard output, a PDF exports/handouts/THEME.pdf; --pack: exports/handouts/pack.FORMAT) or folder (--workshop: exports/handouts); relative paths are inside the workspace.", valueName: "FILE"))
    var out: String?

    func validate() throws {
        guard (theme == nil) != (workshop == nil) else { throw ValidationError("give either --theme CODE_ID or --workshop PLAN.yaml") }
        if pack, workshop == nil { throw ValidationError("--pack needs --workshop PLAN.yaml") }
        if !quotes.isEmpty, theme == nil { throw ValidationError("--quote needs --theme CODE_ID (a plan chooses a station's quotes with its `quotes:`)") }
        if let lang, !HandoutTexts.languages.contains(lang) {
            throw ValidationError("--lang: handouts are written in \(HandoutTexts.languages.joined(separator: " or ")), not '\(lang)'")
        }
    }

    var request: HandoutService.Request {
        .init(language: lang, easyRead: easyRead, forPublication: forPublication, quotes: quotes.isEmpty ? nil : quotes)
    }

    func run() async throws {
        let context = try workspace.open()
        let service = context.handouts
        let root = context.workspace.root
        do {
            if let theme {
                let handout = try await service.handout(codeID: theme, request: request)
                try Self.report(handout.quotesLeftOut, theme: theme)
                let data = try await render(handout, date: Self.today)
                // A PDF is not for a terminal: without --out it goes where the pack's would.
                let url = (out ?? (format == .pdf ? "exports/handouts/\(theme).pdf" : nil))
                    .map { URL(fileURLWithPath: $0, relativeTo: root).standardizedFileURL }
                try await record(handout, to: url, context: context)
                guard let url else {
                    FileHandle.standardOutput.write(data)
                    return
                }
                try ExportFile.write(data, to: url)
                print("wrote the handout for \(theme) (\(handout.quotes.count) quote\(handout.quotes.count == 1 ? "" : "s"), \(handout.quotesWithheld) withheld) to \(url.path)")
            } else if let workshop {
                let plan = try service.plan(at: workspace.inputFile(workshop)).redacted(with: context.workspace.redactions())
                let handouts = try await service.handouts(plan: plan, request: request)
                for handout in handouts { try Self.report(handout.quotesLeftOut, theme: handout.codeID, station: handout.station) }
                let date = plan.date ?? Self.today
                if pack {
                    let language = try service.language(asked: lang, plan: plan)
                    let url = URL(fileURLWithPath: out ?? "exports/handouts/pack.\(format.rawValue)", relativeTo: root).standardizedFileURL
                    try ExportFile.write(try await renderPack(plan: plan, handouts: handouts, language: language, date: date), to: url)
                    try await context.recordExport("handout-pack-\(format.rawValue)", to: url,
                                                   counts: ["stations": handouts.count, "quotes": handouts.map(\.quotes.count).reduce(0, +)],
                                                   applied: Self.applied, metadata: ["workshop": plan.title,
                                                              "withheld": EnglishCount.of(handouts.map(\.quotesWithheld).reduce(0, +), "quote")])
                    print("wrote the pack for \(plan.title) (\(handouts.count) stations) to \(url.path)")
                    return
                }
                let folder = URL(fileURLWithPath: out ?? "exports/handouts", relativeTo: root).standardizedFileURL
                for (index, handout) in handouts.enumerated() {
                    let url = folder.appending(path: String(format: "%02d-%@.%@", index + 1, handout.codeID, format.rawValue))
                    try ExportFile.write(try await render(handout, date: date), to: url)
                    try await record(handout, to: url, context: context)
                    print("\(handout.station ?? handout.codeID): \(url.path)")
                }
            }
        } catch let error as ExternalProgramError {
            printError("Error: \(error)")
            throw ExitCode.failure
        } catch let error as HandoutError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
    }

    /// A chosen quote that names no passage of the theme is a mistake: nothing is written. One
    /// that today's rules leave out (consent withdrawn since the choice, no room) is said on
    /// standard error, and the handout is written without it.
    static func report(_ leftOut: [ChosenQuotes.LeftOut], theme: String, station: String? = nil) throws {
        let place = station.map { "\($0): " } ?? ""
        if let mistake = leftOut.first(where: \.reason.isMistake) {
            printError("Error: --quote \(mistake.id): \(mistake.reason.english(theme: theme))")
            throw ExitCode.failure
        }
        for left in leftOut { printError("\(place)chosen quote \(left.id) left out: \(left.reason.english(theme: theme))") }
    }

    /// Today as `YYYY-MM-DD` (UTC), printed on the handout.
    static var today: String { Date().formatted(.iso8601.year().month().day()) }

    /// The quotes withheld are counted in the entry's `withheld`; the rule is today's.
    private static let applied = ExportMetadata(export: "handout", rule: .today([]))

    private func record(_ handout: Handout, to url: URL?, context: FieldworkContext) async throws {
        try await context.recordExport("handout-\(format.rawValue)", to: url, counts: ["quotes": handout.quotes.count],
                                       applied: Self.applied, metadata: ["theme": handout.codeID, "withheld": EnglishCount.of(handout.quotesWithheld, "quote")])
    }

    private func render(_ handout: Handout, date: String) async throws -> Data {
        switch format {
        case .html: Data(HandoutHTMLRenderer.render(handout, date: date).rendered.utf8)
        case .md: Data(HandoutMarkdownRenderer.render(handout, date: date).utf8)
        case .pdf: try await ChromiumPrinter.pdf(html: HandoutHTMLRenderer.render(handout, date: date))
        }
    }

    private func renderPack(plan: WorkshopPlan, handouts: [Handout], language: String, date: String) async throws -> Data {
        switch format {
        case .html: Data(WorkshopPackRenderer.html(plan: plan, handouts: handouts, language: language, easyRead: easyRead, date: date).rendered.utf8)
        case .md: Data(HandoutMarkdownRenderer.pack(plan: plan, handouts: handouts, language: language, easyRead: easyRead, date: date).utf8)
        case .pdf: try await ChromiumPrinter.pdf(html: WorkshopPackRenderer.html(plan: plan, handouts: handouts, language: language, easyRead: easyRead, date: date))
        }
    }
}

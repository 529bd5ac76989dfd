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
        abstract: "A print-ready A4 workshop handout for a theme or need, or one per station of a workshop plan.",
        discussion: """
            Quotes come only from participants whose consent covers `quote` on the document's date, shown as \
            "Resident, 75–79", never by pseudonym. pdf prints the HTML with headless Chromium. --theme without \
            --out prints html and md; a --workshop plan (title, date, stations: [{name, theme}]) writes one file \
            per station into --out (a folder, default exports/handouts).
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("The theme or need (a code id; the codes below it count too).", valueName: "CODE_ID"))
    var theme: String?

    @Option(help: ArgumentHelp("A workshop plan YAML: one handout per station.", valueName: "PLAN.yaml"))
    var workshop: String?

    @Option(help: "html, md or pdf.")
    var format: Format = .html

    @Flag(help: "For the city: counts below the workspace's minimum (fieldwork.yaml, default 5) are \"< k\", quotes name no smaller group.")
    var forPublication = false

    @Option(help: ArgumentHelp("Output file (--theme) or folder (--workshop); relative paths are inside the workspace.", valueName: "FILE"))
    var out: String?

    func validate() throws {
        guard (theme == nil) != (workshop == nil) else { throw ValidationError("give either --theme CODE_ID or --workshop PLAN.yaml") }
        if theme != nil, format == .pdf, out == nil { throw ValidationError("--format pdf needs --out FILE.pdf") }
    }

    func run() async throws {
        let context = try workspace.open()
        let service = HandoutService(workspace: context.workspace, store: context.store)
        let root = context.workspace.root
        do {
            if let theme {
                let handout = try await service.handout(codeID: theme, forPublication: forPublication)
                let data = try render(handout, date: Self.today)
                let url = out.map { URL(fileURLWithPath: $0, relativeTo: root).standardizedFileURL }
                try await context.recordExport("handout-\(format.rawValue)", to: url, counts: ["quotes": handout.quotes.count],
                                               metadata: ["theme": theme, "withheld": "\(handout.quotesWithheld) quotes"])
                guard let url else {
                    FileHandle.standardOutput.write(data)
                    return
                }
                try ExportFile.write(data, to: url)
                print("wrote the handout for \(theme) (\(handout.quotes.count) quote\(handout.quotes.count == 1 ? "" : "s"), \(handout.quotesWithheld) withheld) to \(url.path)")
            } else if let workshop {
                let plan = try service.plan(at: URL(fileURLWithPath: workshop))
                let folder = URL(fileURLWithPath: out ?? "exports/handouts", relativeTo: root).standardizedFileURL
                for (index, handout) in try await service.handouts(plan: plan, forPublication: forPublication).enumerated() {
                    let url = folder.appending(path: String(format: "%02d-%@.%@", index + 1, handout.codeID, format.rawValue))
                    try ExportFile.write(try render(handout, date: plan.date ?? Self.today), to: url)
                    try await context.recordExport("handout-\(format.rawValue)", to: url, counts: ["quotes": handout.quotes.count],
                                                   metadata: ["theme": handout.codeID, "withheld": "\(handout.quotesWithheld) quotes"])
                    print("\(handout.station ?? handout.codeID): \(url.path)")
                }
            }
        } catch let error as ExternalProgramError {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Today as `YYYY-MM-DD` (UTC), printed on the handout.
    static var today: String { Date().formatted(.iso8601.year().month().day()) }

    private func render(_ handout: Handout, date: String) throws -> Data {
        switch format {
        case .html: Data(HandoutHTMLRenderer.render(handout, date: date).utf8)
        case .md: Data(HandoutMarkdownRenderer.render(handout, date: date).utf8)
        case .pdf: try ChromiumPrinter.pdf(html: HandoutHTMLRenderer.render(handout, date: date))
        }
    }
}

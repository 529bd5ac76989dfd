import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct ReportCommand: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, md, pdf
    }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The study report for the city: method, needs with consented quotes, barriers, solutions, actor map, pilots, proposals.",
        discussion: """
            Evidence follows the consent rule and access (only words that may appear today count), from the consensus \
            where the team adjudicated; quotes are residents' own consented words, attributed by k. --for-publication \
            shows counts below the workspace's minimum (fieldwork.yaml, default 5) as "< k". The same workspace gives \
            the same bytes on the same day. Written into exports/ unless --out says otherwise; pdf prints the HTML \
            with headless Chromium.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "html, md or pdf.")
    var format: Format = .html

    @Option(help: ArgumentHelp("sv or en (default: the codebook's language, else en).", valueName: "LANG"))
    var lang: String?

    @Flag(help: "For the city: counts below the workspace's minimum (fieldwork.yaml, default 5) as \"< k\".")
    var forPublication = false

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace; default exports/report.FORMAT).", valueName: "FILE"))
    var out: String?

    func validate() throws {
        if let lang, !ReportTexts.languages.contains(lang) {
            throw ValidationError("--lang: the report is written in \(ReportTexts.languages.joined(separator: " or ")), not '\(lang)'")
        }
    }

    func run() async throws {
        let context = try workspace.open()
        let service = context.studyReport
        let url = URL(fileURLWithPath: out ?? "exports/report.\(format.rawValue)", relativeTo: context.workspace.root).standardizedFileURL
        do {
            let report = try await service.report(.init(language: lang, forPublication: forPublication))
            var metadata = report.metadata
            let data: Data
            switch format {
            case .html: data = Data(metadata.redact(ReportHTMLRenderer.render(report), with: try context.workspace.redactions()).utf8)
            case .md: data = Data(metadata.redact(ReportMarkdownRenderer.render(report), with: try context.workspace.redactions()).utf8)
            case .pdf:
                // trusted: the renderer builds the report as SafeHTML; redaction swaps identifiers for corpus/redactions.yaml's pseudonyms.
                data = try await ChromiumPrinter.pdf(html: SafeHTML(trusted: metadata.redact(ReportHTMLRenderer.render(report), with: try context.workspace.redactions())))
            }
            try ExportFile.write(data, to: url)
            let quotes = report.needs.map(\.quotes.count).reduce(0, +), quotesWithheld = report.needs.map(\.quotesWithheld).reduce(0, +)
            try await context.recordExport("report-\(format.rawValue)", to: url,
                                           counts: ["needs": report.needs.count, "quotes": quotes, "proposals": report.proposals.count],
                                           applied: metadata, metadata: ["language": report.language, "withheld_quotes": EnglishCount.of(quotesWithheld, "quote")])
            printExported("wrote the study report (\(report.language), \(report.needs.count) needs, \(quotes) quote\(quotes == 1 ? "" : "s"), \(quotesWithheld) not quoted without consent to quote) to \(url.path)"
                          + (report.smallCells.map { "; counts below \($0.k) shown as \"< \($0.k)\"" } ?? ""), consent: metadata.summary)
        } catch let error as ExternalProgramError {
            printError("Error: \(error)")
            throw ExitCode.failure
        } catch let error as ReportError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
    }
}

import ArgumentParser
import FieldworkExchange
import FieldworkServices
import Foundation

extension CodebookExport.Format: ExpressibleByArgument {}

struct ExportCodebookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "The codebook as REFI-QDA (qdc), CSV or Markdown.",
        discussion: """
            qdc: a REFI-QDA codebook; kind, include, exclude and examples travel in each code's description. \
            csv: id, name, kind, parent, description, include, exclude, examples, color, codings (RFC 4180). \
            md: a readable codebook document. Without --out the export is printed.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "qdc, csv or md.")
    var format: CodebookExport.Format

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE"))
    var out: String?

    func run() async throws {
        let context = try workspace.open()
        // Examples quoting withheld words are markers (`ShownCodebook`); the export says how many.
        let (text, codes, consent) = try await context.codebookExport.rendered(format, redactions: try context.workspace.redactions())
        let url = out.map { URL(fileURLWithPath: $0, relativeTo: context.workspace.root).standardizedFileURL }
        try await context.recordExport("codebook-\(format.rawValue)", to: url, counts: ["codes": codes], applied: consent,
                                       metadata: ["consent_summary": consent.summary])
        guard let url else {
            print(text, terminator: "")
            return
        }
        try ExportFile.write(text, to: url)
        if format == .csv { try consent.writeSidecar(for: url) }
        printExported("wrote \(codes) code\(codes == 1 ? "" : "s") to \(url.path)", consent: consent.summary)
    }
}

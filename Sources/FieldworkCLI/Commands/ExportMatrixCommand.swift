import ArgumentParser
import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation

extension MatrixExport.Rows: ExpressibleByArgument {}

struct ExportMatrixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Codings per code (columns) per participant, document, administration or attribute value (rows), as CSV.",
        discussion: """
            A coding counts for the people of the attribution rule (the speaker, a note's named authors or \
            its group's members; group notes for no one), as in retrieval; administrations through the \
            residents among them; attribute rows through those people's values. Anchored codings only. \
            RFC 4180, UTF-8, for R and pandas. The /matrix page in the browser shows the same table.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("participant, document, administration or attribute:KEY (e.g. attribute:living_situation).", valueName: "ROWS"))
    var rows: MatrixExport.Rows

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace; default exports/matrix-ROWS.csv).",
                               valueName: "FILE.csv"))
    var out: String?

    @Flag(help: "A code's column also counts the codings of the codes below it.")
    var includeChildren = false

    @Option(help: ArgumentHelp("Only this coder's codings (default: everyone's).", valueName: "NAME"))
    var coder: String?

    @Option(name: .customLong("attribute"),
            help: ArgumentHelp("A participant attribute as a column after the role (participant rows; repeatable).", valueName: "KEY"))
    var attributes: [String] = []

    @Flag(help: "For the city: cells count participants, and counts below the workspace's minimum (fieldwork.yaml, default 5) are \"< k\".")
    var forPublication = false

    func run() async throws {
        let context = try workspace.open()
        try await context.requireKnown(coder: coder)
        let cells = forPublication ? try context.workspace.settings().smallCells : nil
        let result: MatrixExport.Result
        do {
            result = try await context.matrixExport.render(rows: rows, includeChildren: includeChildren, coder: coder,
                                                                         smallCells: cells, attributes: attributes)
        } catch let error as MatrixExportError {
            throw ValidationError(error.description)
        }
        let url = URL(fileURLWithPath: out ?? "exports/matrix-\(rows.label).csv", relativeTo: context.workspace.root)
            .standardizedFileURL
        var metadata = result.metadata
        try ExportFile.write(metadata.redact(result.csv, with: context.workspace.redactions()), to: url)
        try metadata.writeSidecar(for: url)
        try await context.recordExport("matrix", to: url, counts: ["rows": result.rows, "codes": result.codes, "codings": result.codings],
                                       applied: metadata, metadata: ["consent_summary": metadata.summary])
        let unattributed = result.unattributed == 0 ? [] :
            // In no row: no participant of the passage is in one (a note of no one's, or people
            // without a value for an attribute row); "name no participant" misled for the latter.
            ["\(EnglishCount.of(result.unattributed, "coding")) in no row: no participant of \(result.unattributed == 1 ? "its passage" : "their passages") is in one"]
        printExported("wrote \(EnglishCount.of(result.rows, "\(rows.label) row")) × \(EnglishCount.of(result.codes, "code")) "
                      + "(\(EnglishCount.of(result.codings, "coding"))) to \(url.path)", consent: metadata.summary, notes: unattributed)
    }
}

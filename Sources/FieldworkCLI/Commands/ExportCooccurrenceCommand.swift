import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct ExportCooccurrenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cooccurrence",
        abstract: "Codes applied to the same segment: counts and Jaccard, as CSV (or --json).",
        discussion: """
            A code is applied to a segment when an anchored coding of it overlaps the segment by at least one \
            scalar. One row per pair of codes applied together at least once: segments with each, with both, \
            and Jaccard (both / either). --coder counts one coder's codings only.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Only this coder's codings (default: everyone's).", valueName: "NAME"))
    var coder: String?

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE.csv"))
    var out: String = "exports/cooccurrence.csv"

    @Flag(help: "For the city: counts below the workspace's minimum (fieldwork.yaml, default 5) are shown as \"< k\".")
    var forPublication = false

    func validate() throws {
        if forPublication && output.json { throw ValidationError("--for-publication writes the CSV; leave out --json") }
    }

    func run() async throws {
        let context = try workspace.open()
        try await context.requireKnown(coder: coder)
        let result = CooccurrenceOutput(try await context.agreement.cooccurrence(coder: coder), coder: coder)
        if output.json {
            try JSONOutput.print(result)
            return
        }
        let cells = forPublication ? try context.workspace.settings().smallCells : nil
        var writer = CSVWriter(header: CooccurrenceOutput.csvHeader)
        result.csvRows(smallCells: cells).forEach { writer.append($0) }
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        var metadata = result.consent
        metadata.smallCellsBelow = cells?.k
        try ExportFile.write(metadata.redact(writer.text, with: context.workspace.redactions()), to: url)
        try metadata.writeSidecar(for: url)
        try await context.recordExport("cooccurrence", to: url, counts: ["pairs": result.pairs.count], applied: metadata, metadata: ["consent_summary": metadata.summary])
        printExported("wrote \(EnglishCount.of(result.pairs.count, "pair")) of \(EnglishCount.of(result.codes.count, "code")) "
            + "(\(EnglishCount.of(result.codedSegments, "coded segment"))) to \(url.path)", consent: metadata.summary)
    }
}

import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct ExportSegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments", abstract: "One CSV row per coding with quote and context (RFC 4180, UTF-8).")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE.csv"))
    var out: String = "exports/segments.csv"

    @Option(help: ArgumentHelp("Only this coder's codings (default: everyone's).", valueName: "NAME"))
    var coder: String?

    func run() async throws {
        let context = try workspace.open()
        try await context.requireKnown(coder: coder)
        let (csv, rows, withheld) = try await context.segmentsExport.csv(CodingFilter(coder: coder))
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        // The consent rule applied, and what it left out: counts by reason, never names.
        var metadata = ExportMetadata(export: "segments", rule: .today([]))
        metadata.add(withheld, unit: "codings")
        try ExportFile.write(metadata.redact(csv, with: context.workspace.redactions()), to: url)
        try metadata.writeSidecar(for: url)
        // Every export says how consent was applied, "nothing withheld" included (the other exports do).
        printExported("wrote \(rows) coding\(rows == 1 ? "" : "s") to \(url.path)", consent: metadata.summary)
        try await context.recordExport("segments", to: url, counts: ["rows": rows], consent: withheld, metadata: ["consent_summary": metadata.summary])
    }
}

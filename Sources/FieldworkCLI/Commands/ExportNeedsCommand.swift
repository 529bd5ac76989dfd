import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct ExportNeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "The needs register as CSV: one row per need, people counted by role, administrations, barriers, solutions.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE.csv"))
    var out: String = "exports/needs.csv"

    @Option(help: ArgumentHelp("Evidence from this coder's codings only (default: everyone's).", valueName: "NAME"))
    var coder: String?

    @Flag(help: "For the city: counts below the workspace's minimum (fieldwork.yaml, default 5) as \"< k\".")
    var forPublication = false

    func run() async throws {
        let context = try workspace.open()
        try await context.requireKnown(coder: coder)
        let cells = forPublication ? try context.workspace.settings().smallCells : nil
        let redactions = try context.workspace.redactions()
        let result = try await context.needsRegisterExport.render(coder: coder, smallCells: cells, redactions: redactions)
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        var metadata = ExportMetadata(export: "needs", rule: .today([]))
        metadata.smallCellsBelow = cells?.k
        metadata.add(result.evidenceWithheld, unit: "evidence")
        try ExportFile.write(metadata.redact(result.csv, with: redactions), to: url)
        try metadata.writeSidecar(for: url)
        try await context.recordExport("needs", to: url, counts: ["needs": result.needs], applied: metadata, metadata: ["consent_summary": metadata.summary])
        printExported("wrote \(result.needs) needs to \(url.path)" + (cells.map { "; counts below \($0.k) shown as \"< \($0.k)\"" } ?? ""),
                      consent: metadata.summary)
    }
}

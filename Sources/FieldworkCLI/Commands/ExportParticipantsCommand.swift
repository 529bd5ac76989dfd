import ArgumentParser
import FieldworkServices
import Foundation

struct ExportParticipantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participants",
        abstract: "One CSV row per participant: role, administrations, consent today, attributes as columns.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE.csv"))
    var out: String = "exports/participants.csv"

    func run() async throws {
        let context = try workspace.open()
        let result = try await context.participantsExport.render()
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        var metadata = ExportMetadata(export: "participants", date: result.consentDate)
        metadata.add(result.withheld, unit: "cases")
        try ExportFile.write(metadata.redact(result.csv, with: context.workspace.redactions()), to: url)
        try metadata.writeSidecar(for: url)
        try await context.recordExport("participants", to: url, counts: ["participants": result.rows], applied: metadata)
        printExported("wrote \(result.rows) participants (\(result.attributes.count) attribute columns) to \(url.path)",
                      consent: metadata.summary)
    }
}

import ArgumentParser
import FieldworkServices
import Foundation

struct ExportTelemetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telemetry",
        abstract: "The pilot readings as CSV: device pseudonym, participant, solution, metric, unit, UTC time, value; consent applied.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: ArgumentHelp("Output file (relative paths are inside the workspace).", valueName: "FILE.csv"))
    var out: String = "exports/telemetry.csv"

    @Option(help: ArgumentHelp("Only this device's readings (its pseudonym).", valueName: "NAME"))
    var device: String?

    @Option(help: ArgumentHelp("Only this participant's devices.", valueName: "ID"))
    var participant: String?

    func run() async throws {
        let context = try workspace.open()
        let result = try await context.telemetryExport.render(device: device, participant: participant)
        let url = URL(fileURLWithPath: out, relativeTo: context.workspace.root).standardizedFileURL
        var metadata = result.metadata
        try ExportFile.write(metadata.redact(result.csv, with: context.workspace.redactions()), to: url)
        try metadata.writeSidecar(for: url)
        try await context.recordExport("telemetry", to: url, counts: ["readings": result.readings, "devices": result.devices],
                                       metadata: ["consent_summary": metadata.summary])
        printExported("wrote \(result.readings) reading\(result.readings == 1 ? "" : "s") from \(result.devices) device\(result.devices == 1 ? "" : "s") to \(url.path)",
                      consent: metadata.summary)
    }
}

import ArgumentParser
import FieldworkServices
import Foundation

struct TelemetryImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a SenML JSON pack or a CSV (device,time,metric,value,unit); consent-checked, all or nothing.",
        discussion: """
            Readings of participants without a telemetry consent covering their day are refused and counted. \
            A file that does not parse stores nothing; the message names the record index or CSV line.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: ArgumentHelp("The file (.json/.senml: SenML; .csv: CSV; otherwise by content).", valueName: "FILE"))
    var file: String

    func run() async throws {
        let context = try workspace.open()
        let url = workspace.inputFile(file)
        let report = try await context.telemetryImport.importFile(url)
        try await context.recordImport("telemetry", from: url, counts: report.auditCounts)
        report.lines.forEach { print($0) }
    }
}

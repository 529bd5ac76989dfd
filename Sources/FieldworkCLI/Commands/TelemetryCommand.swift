import ArgumentParser

struct TelemetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telemetry", abstract: "Import device telemetry (SenML JSON or CSV) and summarise it.",
        subcommands: [TelemetryImportCommand.self, TelemetrySummaryCommand.self])
}

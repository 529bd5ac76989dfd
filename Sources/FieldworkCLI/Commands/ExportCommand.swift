import ArgumentParser

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write exports (into exports/ by default).",
        subcommands: [ExportSegmentsCommand.self, ExportQDPXCommand.self, ExportCodebookCommand.self, ExportMatrixCommand.self,
                      ExportActorMapCommand.self, ExportCooccurrenceCommand.self, ExportParticipantsCommand.self, ExportNeedsCommand.self,
                      ExportRegisterCommand.self, ExportTelemetryCommand.self])
}

import ArgumentParser
import Foundation
import FieldworkServices

struct CodeHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "What happened to a coding: created, changed, re-anchored, merged, removed (who, when, what).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Coding id, or enough of its beginning to name one coding (removed codings too: they keep their history).", valueName: "ID")) var id: String

    func run() async throws {
        let codings = try workspace.open().codings
        let events = try await codings.history(id: try await codings.id(named: id, includingRemoved: true)).map(CodingEventOutput.init)
        if output.json {
            try JSONOutput.print(events)
            return
        }
        // One line per event, the description whole (a table would clip it).
        let kindWidth = events.map(\.kind.count).max() ?? 0
        let byWidth = events.map(\.by.count).max() ?? 0
        for event in events {
            let line = [event.at, event.kind.padding(toLength: kindWidth, withPad: " ", startingAt: 0),
                        event.by.padding(toLength: byWidth, withPad: " ", startingAt: 0), event.summary]
            print(line.joined(separator: "  ").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\n", with: " "))
        }
    }
}

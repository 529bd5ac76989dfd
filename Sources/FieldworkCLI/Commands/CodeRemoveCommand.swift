import FieldworkCore
import ArgumentParser
import FieldworkServices
import Foundation

struct CodeRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a coding (kept in the database with who removed it and when).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions

    @Argument(help: ArgumentHelp("Coding id, or enough of its beginning to name one coding.", valueName: "ID")) var id: String

    func run() async throws {
        let context = try workspace.open()
        let codings = context.codings
        let id = try await codings.id(named: id)
        // Removed before: say so, and by whom (it said "not found", though `code history` knew it).
        if try await context.store.coding(id: id) == nil, let removal = try await context.store.codingHistory(id: id)?.last,
           removal.kind == .removed {
            throw RemovedAlready(description: "coding \(id) was removed already, by \(removal.by) on "
                                 + "\(ISO8601DateFormatter().string(from: removal.at)); `fieldwork code history \(id)` shows what happened to it")
        }
        try await codings.remove(id: id, by: coder.name)
        print("removed \(id)")
    }
}

/// A coding removed before: exit 1 with who removed it, not "not found".
struct RemovedAlready: Error, CustomStringConvertible {
    let description: String
}

import ArgumentParser
import FieldworkServices

struct CodeRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a coding (kept in the database with who removed it and when).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions

    @Argument(help: ArgumentHelp("Coding id, or enough of its beginning to name one coding.", valueName: "ID")) var id: String

    func run() async throws {
        let codings = try workspace.open().codings
        let id = try await codings.id(named: id)
        try await codings.remove(id: id, by: coder.name)
        print("removed \(id)")
    }
}

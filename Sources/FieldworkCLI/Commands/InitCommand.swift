import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty workspace (corpus/, codebooks/, exports/, a private database).")

    @Argument(help: ArgumentHelp("Folder to create the workspace in.", valueName: "DIR"))
    var directory: String

    func run() async throws {
        let workspace = try Workspace.create(at: URL(fileURLWithPath: directory, isDirectory: true))
        let context = try FieldworkContext.open(workspace)
        _ = try await context.store.counts()
        print("Created workspace \(workspace.root.path)")
        print("Next: add Markdown files to corpus/, codes to codebooks/, then `fieldwork --workspace \(directory) ingest`.")
    }
}

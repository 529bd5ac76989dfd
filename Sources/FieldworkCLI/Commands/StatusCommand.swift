import ArgumentParser
import FieldworkCore
import FieldworkServices

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Counts of documents, segments, codes, codings, orphans and participants.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let counts = try await workspace.open().store.counts()
        if output.json {
            try JSONOutput.print(counts)
            return
        }
        TableOutput.print(["what", "count"], [
            ["documents", "\(counts.documents)"], ["segments", "\(counts.segments)"], ["codes", "\(counts.codes)"],
            ["codings", "\(counts.codings)"], ["orphans", "\(counts.orphans)"], ["participants", "\(counts.participants)"],
        ])
    }
}

import ArgumentParser
import FieldworkCore
import FieldworkServices

struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "List the ingested documents.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let documents = try await workspace.open().store.documents().map(DocumentDTO.init)
        if output.json {
            try JSONOutput.print(documents)
            return
        }
        TableOutput.print(["id", "type", "date", "lang", "segments", "participants", "title"], documents.map {
            [$0.id, $0.type, $0.date ?? "", $0.language ?? "", "\($0.segments)", $0.participants.joined(separator: ","), $0.title]
        })
    }
}

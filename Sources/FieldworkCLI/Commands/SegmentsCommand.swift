import ArgumentParser
import FieldworkCore
import FieldworkServices

struct SegmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segments",
        abstract: "List a document's segments (speaker turns, notes) with offsets and source lines.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: ArgumentHelp("Document id.", valueName: "DOC"))
    var document: String

    func run() async throws {
        let store = try workspace.open().store
        guard let stored = try await store.document(id: document) else {
            throw ValidationError("no document '\(document)' (see `fieldwork documents`)")
        }
        let text = ScalarText(stored.plainText)
        let segments = try await store.segments(documentID: document).map { SegmentDTO($0, document: document, text: text) }
        if output.json {
            try JSONOutput.print(segments)
            return
        }
        TableOutput.print(["#", "kind", "speaker", "lines", "start", "end", "text"], segments.map {
            ["\($0.index)", $0.kind, $0.speaker ?? $0.heading ?? "", "\($0.lineStart)-\($0.lineEnd)",
             "\($0.start)", "\($0.end)", $0.text]
        })
    }
}

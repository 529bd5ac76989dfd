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
        // Through the consent rule (and access), as the document page: withheld words are not printed.
        guard let view = try await DocumentView.load(document, from: store) else {
            throw UnknownName(kind: "document", name: document, place: "in the corpus", known: try await store.documents().map(\.metadata.id))
        }
        let withheld = view.withheld
        let segments = view.segments.map { SegmentDTO($0, document: document, text: view.text, withheld: withheld[$0.index]) }
        if output.json {
            try JSONOutput.print(segments)
            return
        }
        TableOutput.print(["#", "kind", "speaker", "lines", "start", "end", "text"], segments.map {
            ["\($0.index)", $0.kind, $0.speaker ?? $0.heading ?? "", "\($0.lineStart)-\($0.lineEnd)",
             "\($0.start)", "\($0.end)", withheld[$0.index]?.marker ?? $0.text]
        })
    }
}

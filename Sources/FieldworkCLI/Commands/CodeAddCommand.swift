import ArgumentParser
import FieldworkCore
import FieldworkServices
import Foundation

struct CodeAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Code a span of a document's plain text; prints the coding id.",
        discussion: "Offsets count Unicode scalars from 0, end exclusive (see `fieldwork segments DOC`).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions

    @Argument(help: ArgumentHelp("Document id.", valueName: "DOC"))
    var document: String
    @Option(help: "Start offset (inclusive).") var start: Int
    @Option(help: "End offset (exclusive).") var end: Int
    @Option(help: ArgumentHelp("Code id from the codebook.", valueName: "ID")) var code: String
    @Option(help: "A memo for this coding.") var memo: String?

    func validate() throws {
        guard start >= 0, end > start else { throw ValidationError("--end must be greater than --start, both >= 0") }
    }

    func run() async throws {
        let coding = try await workspace.open().codings.add(
            document: document, span: start..<end, code: code, coder: coder.name, memo: memo)
        print(coding.id)
    }
}

import ArgumentParser
import FieldworkCore
import FieldworkServices

struct CodeReattachCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reattach", abstract: "Attach a coding (typically an orphan) to a new span of its document.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions

    @Argument(help: ArgumentHelp("Coding id, or enough of its beginning to name one coding.", valueName: "ID")) var id: String
    @Option(help: "Start offset (inclusive).") var start: Int
    @Option(help: "End offset (exclusive).") var end: Int

    func validate() throws {
        guard start >= 0, end > start else { throw ValidationError("--end must be greater than --start, both >= 0") }
    }

    func run() async throws {
        let context = try workspace.open()
        let codings = context.codings
        let id = try await codings.id(named: id)
        let before = try await context.store.coding(id: id)
        let coding = try await codings.reattach(id: id, span: start..<end, by: coder.name)
        // The words as `code list` shows them: none where the consent rule (or access) withholds
        // them today (this line printed a withdrawn resident's words; found by a new user).
        let shown = try await context.shown(coding)
        let words = shown.withheld.map { "(its words are withheld: \($0.rawValue))" } ?? shown.coding.quote
        if coding.version == before?.version {
            print("\(coding.id) already codes [\(coding.start), \(coding.end)): \(words) (nothing changed)")
        } else {
            print("\(coding.id) now codes [\(coding.start), \(coding.end)): \(words)")
        }
    }
}

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
        if coding.version == before?.version {
            print("\(coding.id) already codes [\(coding.start), \(coding.end)): \(coding.quote) (nothing changed)")
        } else {
            print("\(coding.id) now codes [\(coding.start), \(coding.end)): \(coding.quote)")
        }
    }
}

import ArgumentParser
import FieldworkCore
import FieldworkServices

struct UnlinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink",
        abstract: "Remove the link between a need and a catalogue solution (the removal is recorded in your codings file).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions

    @Argument(help: ArgumentHelp("A code of kind need.", valueName: "NEED")) var need: String
    @Argument(help: ArgumentHelp("A solution id from codebooks/solutions.yaml.", valueName: "SOLUTION")) var solution: String

    func run() async throws {
        let removed = try await workspace.open().needLinks.unlink(need: need, solution: solution, by: coder.name)
        // The rationale is shown once more, so a link removed by mistake can be made again as it was.
        print("unlinked \(removed.needID) → \(removed.solutionID) (\(removed.status.rawValue), linked by \(removed.linkedBy)): \(removed.rationale)")
    }
}

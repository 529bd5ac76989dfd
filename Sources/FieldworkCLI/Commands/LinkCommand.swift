import ArgumentParser
import FieldworkCore
import FieldworkServices

struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link a need to a catalogue solution with a rationale (linking again replaces the link).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions

    @Argument(help: ArgumentHelp("A code of kind need.", valueName: "NEED")) var need: String
    @Argument(help: ArgumentHelp("A solution id from codebooks/solutions.yaml.", valueName: "SOLUTION")) var solution: String
    @Option(help: "Why this solution could meet the need.") var rationale: String
    @Option(help: "candidate, piloted or rejected.") var status: String = NeedSolutionLink.Status.candidate.rawValue

    func validate() throws {
        guard NeedSolutionLink.Status(rawValue: status) != nil else {
            throw ValidationError("--status must be one of \(NeedSolutionLink.Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let link = try await workspace.open().needLinks.link(
            need: need, solution: solution, rationale: rationale, status: NeedSolutionLink.Status(rawValue: status) ?? .candidate,
            coder: coder.name)
        print("linked \(link.needID) → \(link.solutionID) (\(link.status.rawValue)) by \(link.linkedBy)")
    }
}

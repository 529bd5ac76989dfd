import ArgumentParser
import FieldworkCore
import FieldworkServices

struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link a need to a catalogue solution with a rationale (linking again replaces the link, and says whose it replaced).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var coder: CoderOptions

    @Argument(help: ArgumentHelp("A code of kind need.", valueName: "NEED")) var need: String
    @Argument(help: ArgumentHelp("A solution id from codebooks/solutions.yaml.", valueName: "SOLUTION")) var solution: String
    @Option(help: "Why this solution could meet the need.") var rationale: String
    @Option(help: "candidate, piloted or rejected (default: the status of the link it replaces, else candidate).") var status: String?

    func validate() throws {
        guard let status else { return }
        guard NeedSolutionLink.Status(rawValue: status) != nil else {
            throw ValidationError("--status must be one of \(NeedSolutionLink.Status.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let links = try workspace.open().needLinks
        // Linking again replaces the link: say whose, and keep its status unless asked (a colleague's
        // `piloted` link quietly became `candidate` before).
        let previous = try await links.current(need: need, solution: solution)
        let link = try await links.link(
            need: need, solution: solution, rationale: rationale,
            status: status.flatMap(NeedSolutionLink.Status.init(rawValue:)) ?? previous?.status ?? .candidate, coder: coder.name)
        if let previous {
            let change = previous.status == link.status ? previous.status.rawValue : "\(previous.status.rawValue) → \(link.status.rawValue)"
            print("replaced the link by \(previous.linkedBy) of \(UTCTime.isoTimestamp(date: previous.linkedAt).prefix(10)) (\(change)); its rationale was: \(previous.rationale)")
        }
        print("linked \(link.needID) → \(link.solutionID) (\(link.status.rawValue)) by \(link.linkedBy)")
    }
}

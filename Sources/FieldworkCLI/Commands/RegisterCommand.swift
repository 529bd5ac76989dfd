import ArgumentParser
import FieldworkCore
import FieldworkServices

/// `fieldwork register`: the policy-lab register — proposals, their status over time, owners,
/// and the needs, barriers and preconditions they answer.
struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "The policy-lab register: proposals from the policy-lab notes with status, owner, dates and what they answer.",
        discussion: """
            A proposal is a heading `Förslag P1: title` / `Proposal P1: title` in a policy-lab document, with \
            fields such as `Status:`, `Beslut:`/`Decision:`, `Ansvarig:`/`Owner:`, `Datum:`/`Date:`, \
            `Svarar på:`/`Answers:` and `Lösningar:`/`Solutions:` (see the README). Later sessions update a \
            proposal by its id. Problems in the notes are printed as warnings naming file and line.
            """)

    struct Output: Encodable {
        let proposals: [ProposalView]
        let problems: [String]
        let withheld: Int
        @AlwaysEncoded var smallCellsBelow: Int?

        enum CodingKeys: String, CodingKey { case proposals, problems, withheld, smallCellsBelow = "small_cells_below" }
    }

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "For the city: the residents behind the codes a proposal answers as counts, below the workspace's minimum (fieldwork.yaml, default 5) as \"< k\".")
    var forPublication = false

    func run() async throws {
        let context = try workspace.open()
        let cells = forPublication ? try context.workspace.settings().smallCells : nil
        let register = try await context.policyLabRegister.register()
        let views = register.proposals.map { ProposalView($0, smallCells: cells, pseudonyms: register.participantIDs) }
        for problem in register.problems { printError("warning: \(problem)") }
        if output.json {
            try JSONOutput.print(Output(proposals: views, problems: register.problems.map(\.description),
                                        withheld: register.withheld.total, smallCellsBelow: cells?.k))
            return
        }
        guard !views.isEmpty else {
            print("no proposals in the policy-lab notes (\(register.documents) policy-lab document\(register.documents == 1 ? "" : "s"))")
            return
        }
        TableOutput.print(["proposal", "status", "date", "owner", "answers", "residents", "solutions"], views.map { view in
            [view.id, view.status, view.date ?? "", view.owner ?? "", view.answers.map(\.code).joined(separator: " "),
             view.residents, view.solutions.joined(separator: " ")]
        })
        for view in views {
            print("")
            print("\(view.id): \(view.title)")
            print("  \(view.historyLine)")
            if let decision = view.decision { print("  decision: \(decision)") }
            if let due = view.due { print("  due: \(due)") }
        }
        if let cells { print("\ncounts below \(cells.k) are shown as \"< \(cells.k)\"") }
    }
}

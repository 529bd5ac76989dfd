import FieldworkCore

/// `fieldwork export register`: the policy-lab register as CSV, one row per proposal. Proposals
/// quote no resident; the residents behind the codes a proposal answers are counted, and under
/// `smallCells` (publication) a count below k is "< k".
public struct PolicyLabRegisterExport: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public struct Result: Sendable {
        public var csv: String
        public var proposals: Int
        public var problems: [SourceProblem]
        public var metadata: ExportMetadata
    }

    public func render(smallCells: SmallCells? = nil) async throws -> Result {
        let register = try await PolicyLabRegisterService(workspace: workspace, store: store).register()
        var writer = CSVWriter(header: ["proposal", "title", "status", "date", "owner", "decision", "due", "needs", "barriers",
                                        "preconditions", "residents", "solutions", "history"])
        for proposal in register.proposals {
            let view = ProposalView(proposal, smallCells: smallCells, pseudonyms: register.participantIDs)
            func answers(_ kind: CodeKind) -> String {
                view.answers.filter { $0.kind == kind.rawValue }.map { "\($0.code) (\($0.residentCount))" }.joined(separator: "; ")
            }
            writer.append([view.id, view.title, view.status, view.date ?? "", view.owner ?? "", view.decision ?? "", view.due ?? "",
                           answers(.need), answers(.barrier), answers(.precondition), view.residents,
                           view.solutions.joined(separator: " "), view.historyLine])
        }
        var metadata = ExportMetadata(export: "register", rule: .today([]))
        metadata.add(register.withheld, unit: "evidence")
        metadata.smallCellsBelow = smallCells?.k
        return Result(csv: writer.text, proposals: register.proposals.count, problems: register.problems.map(\.sourceProblem), metadata: metadata)
    }
}

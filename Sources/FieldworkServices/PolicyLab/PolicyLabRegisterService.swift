import FieldworkCore

/// The policy-lab register (`/register`, `fieldwork register`, `fieldwork export register`):
/// the proposals of every policy-lab document, read from the stored segments with
/// `ProposalNoteParser` and folded by `PolicyLabRegister`.
///
/// The residents behind each traced code are counted from the passages the consent rule lets
/// appear today (as the actor map): the register quotes no one, but its counts derive from
/// people's words. What the rule withheld is reported.
public struct PolicyLabRegisterService: Sendable {
    public struct Result: Sendable {
        public var proposals: [Proposal]
        /// Problems of the notes (unknown status, malformed date, unknown code), file and line each.
        public var problems: [SourceProblem]
        public var withheld: WithheldCount
        public var documents: Int
    }

    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public func register(coder: String? = nil) async throws -> Result {
        var notes: [ProposalNote] = []
        var problems: [SourceProblem] = []
        let documents = try await store.documents().filter { $0.metadata.type == .policyLab }
        for summary in documents {
            guard let document = try await store.document(id: summary.metadata.id) else { continue }
            let segments = try await store.segments(documentID: summary.metadata.id)
            let parsed = ProposalNoteParser.parse(document: document.metadata, path: document.path, segments: segments,
                                                  texts: document.plainText.scalarSlices(segments.map(\.span)))
            notes += parsed.notes
            problems += parsed.problems
        }
        let consented = try await NeedsRegisterService(store: store).consentedPassages(coder: coder)
        let built = PolicyLabRegister.build(notes: notes, passages: consented.passages, codebook: try await store.codebook(),
                                            solutionIDs: Set(try SolutionCatalogue.load(workspace).solutions.map(\.id)),
                                            participants: try await store.participants())
        return Result(proposals: built.proposals, problems: problems + built.problems, withheld: consented.withheld,
                      documents: documents.count)
    }
}

extension FieldworkContext {
    public var policyLabRegister: PolicyLabRegisterService { PolicyLabRegisterService(workspace: workspace, store: store) }
}

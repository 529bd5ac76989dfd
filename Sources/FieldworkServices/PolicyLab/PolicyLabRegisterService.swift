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
        public var problems: [RegisterProblem]
        public var withheld: WithheldCount
        public var documents: Int
        /// Every participant's id: what publication outputs hide in the proposals' text.
        public var participantIDs: Set<String> = []
    }

    let workspace: Workspace
    let store: any FieldworkStore
    /// Evidence from the consensus where a document was adjudicated (`NeedsRegisterService`).
    let preferConsensus: Bool

    public init(workspace: Workspace, store: any FieldworkStore, preferConsensus: Bool = false) {
        self.workspace = workspace
        self.store = store
        self.preferConsensus = preferConsensus
    }

    public func register(coder: String? = nil) async throws -> Result {
        let read = try await notes()
        let consented = try await NeedsRegisterService(store: store, preferConsensus: preferConsensus).consentedPassages(coder: coder)
        let participants = try await store.participants()
        let built = PolicyLabRegister.build(notes: read.notes, passages: consented.passages, codebook: try await store.codebook(),
                                            solutionIDs: Set(try SolutionCatalogue.load(workspace).solutions.map(\.id)),
                                            participants: participants)
        return Result(proposals: built.proposals, problems: read.problems + built.problems, withheld: consented.withheld,
                      documents: read.documents, participantIDs: Set(participants.map(\.id)))
    }

    /// Only the problems of the notes (what ingest reports as warnings). The problems do not
    /// depend on the coded passages, so none are read and no consent is weighed.
    public func problems() async throws -> [RegisterProblem] {
        let read = try await notes()
        guard read.documents > 0 else { return [] }
        let built = PolicyLabRegister.build(notes: read.notes, passages: [], codebook: try await store.codebook(),
                                            solutionIDs: Set(try SolutionCatalogue.load(workspace).solutions.map(\.id)),
                                            participants: [])
        return read.problems + built.problems
    }

    /// The proposal notes of every stored policy-lab document, with the problems of their fields.
    private func notes() async throws -> (notes: [ProposalNote], problems: [RegisterProblem], documents: Int) {
        var notes: [ProposalNote] = []
        var problems: [RegisterProblem] = []
        // Only the policy-lab documents, filtered by the store (ingest asks this on every run:
        // listing all 10,000 transcripts to find a handful of notes cost a tenth of a re-ingest).
        let documents = try await store.documents(DocumentFilter(type: DocumentType.policyLab.rawValue),
                                                  offset: 0, limit: Int(Int32.max)).summaries
        for summary in documents {
            guard let document = try await store.document(id: summary.metadata.id) else { continue }
            let segments = try await store.segments(documentID: summary.metadata.id)
            let parsed = ProposalNoteParser.parse(document: document.metadata, path: document.path, segments: segments,
                                                  texts: document.plainText.scalarSlices(segments.map(\.span)))
            notes += parsed.notes
            problems += parsed.problems
        }
        return (notes, problems, documents.count)
    }
}

extension FieldworkContext {
    public var policyLabRegister: PolicyLabRegisterService { PolicyLabRegisterService(workspace: workspace, store: store) }
}

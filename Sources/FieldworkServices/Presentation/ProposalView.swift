import FieldworkCore

/// A proposal of the policy-lab register as `fieldwork register --json` prints it and the CSV
/// export writes it. With `smallCells` (publication) the residents behind a traced code are a
/// count ("< k" below k) and never named.
public struct ProposalView: Encodable, Sendable {
    public struct Answer: Encodable, Sendable {
        public let code, kind, name: String
        public let named, coded: Bool
        /// Pseudonyms, or nil under publication.
        @AlwaysEncoded public var residents: [String]?
        public let residentCount: String

        enum CodingKeys: String, CodingKey { case code, kind, name, named, coded, residents, residentCount = "resident_count" }
    }

    public struct Event: Encodable, Sendable {
        @AlwaysEncoded public var date: String?
        public let status: String
        public let document: String
        public let line: Int
        @AlwaysEncoded public var decision: String?
    }

    public let id, title, status: String
    @AlwaysEncoded public var date: String?
    @AlwaysEncoded public var owner: String?
    @AlwaysEncoded public var decision: String?
    @AlwaysEncoded public var due: String?
    public let answers: [Answer]
    public let residents: String
    public let solutions: [String]
    public let history: [Event]
    public let text: [String]

    /// Under publication (`smallCells` given) the text names no participant: `pseudonyms` are masked.
    public init(_ proposal: Proposal, smallCells: SmallCells? = nil, pseudonyms: Set<String> = []) {
        id = proposal.id
        title = proposal.title
        status = proposal.status.rawValue
        date = proposal.date
        owner = proposal.owner
        decision = proposal.decision
        due = proposal.due
        func count(_ people: [String]) -> String { smallCells?.show(people.count) ?? String(people.count) }
        answers = proposal.answers.map {
            Answer(code: $0.codeID, kind: $0.kind.rawValue, name: $0.name, named: $0.named, coded: $0.coded,
                   residents: smallCells == nil ? $0.residents : nil, residentCount: count($0.residents))
        }
        residents = count(proposal.residents)
        solutions = proposal.solutions
        history = proposal.history.map {
            Event(date: $0.date, status: $0.status.rawValue, document: $0.documentID, line: $0.line, decision: $0.decision)
        }
        let mask = PseudonymMask(ids: smallCells == nil ? [] : pseudonyms)
        text = proposal.text.map(mask.apply)
    }

    /// "2025-10-07 proposed (pl-001) → 2026-02-12 decided (pl-002)".
    public var historyLine: String {
        history.map { "\($0.date ?? "undated") \($0.status) (\($0.document))" }.joined(separator: " → ")
    }

    /// "need.safety.falls (3); barrier.cost (< 5)".
    public var answersLine: String {
        answers.map { "\($0.code) (\($0.residentCount))" }.joined(separator: "; ")
    }
}

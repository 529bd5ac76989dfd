/// One appearance of a proposal in one policy-lab document: what that session wrote about it.
/// Several sessions may write about the same proposal (same id); `PolicyLabRegister` folds
/// their notes, in date order, into the proposal's history.
public struct ProposalNote: Sendable, Hashable {
    /// A code or solution id written after `Svarar på:`/`Answers:` or `Lösningar:`/`Solutions:`,
    /// with its line for messages.
    public struct Reference: Sendable, Hashable {
        public var id: String
        public var line: Int

        public init(id: String, line: Int) {
            self.id = id
            self.line = line
        }
    }

    /// `P1`: what ties the sessions' notes about one proposal together.
    public var proposalID: String
    public var title: String
    public var documentID: String
    /// The document's path in the workspace, for messages.
    public var path: String
    public var documentDate: String?
    /// The first line of the proposal's notes under its heading.
    public var line: Int
    public var status: ProposalStatus?
    /// `Datum:`/`Date:`: when the status was reached, if not the session's date.
    public var date: String?
    public var decision: String?
    public var owner: String?
    /// `Klart senast:`/`Due:`.
    public var due: String?
    public var answers: [Reference]
    public var solutions: [Reference]
    /// The facilitator's text about the proposal: the lines that are no field.
    public var text: [String]
    /// The proposal's segments in the document's plain text: codings that start inside trace it.
    public var spans: [Range<Int>]

    public init(proposalID: String, title: String, documentID: String, path: String, documentDate: String?, line: Int,
                status: ProposalStatus? = nil, date: String? = nil, decision: String? = nil, owner: String? = nil, due: String? = nil,
                answers: [Reference] = [], solutions: [Reference] = [], text: [String] = [], spans: [Range<Int>] = []) {
        self.proposalID = proposalID
        self.title = title
        self.documentID = documentID
        self.path = path
        self.documentDate = documentDate
        self.line = line
        self.status = status
        self.date = date
        self.decision = decision
        self.owner = owner
        self.due = due
        self.answers = answers
        self.solutions = solutions
        self.text = text
        self.spans = spans
    }

    /// The day of this note's status: its `Datum:`, else the session's date.
    public var effectiveDate: String? { date ?? documentDate }

    public func contains(offset: Int) -> Bool { spans.contains { $0.contains(offset) } }
}

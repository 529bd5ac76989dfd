/// A policy-lab proposal across sessions: where it stands now, who owns it, what it answers,
/// and how it got there.
public struct Proposal: Sendable, Hashable {
    /// One session's word on the proposal: the status it left it in, on which day, where.
    public struct Event: Sendable, Hashable {
        public var date: String?
        public var status: ProposalStatus
        public var documentID: String
        public var path: String
        public var line: Int
        public var decision: String?
    }

    /// A need, barrier or precondition the proposal answers, named in its fields or coded on its
    /// text, with the residents whose words evidence the code (the code and the codes of the
    /// same kind below it; the attribution rule).
    public struct Trace: Sendable, Hashable {
        public var codeID: String
        public var kind: CodeKind
        public var name: String
        /// Named after `Svarar på:`/`Answers:`.
        public var named: Bool
        /// Coded on the proposal's text.
        public var coded: Bool
        public var residents: [String]
    }

    public var id: String
    /// The latest title a session gave it.
    public var title: String
    public var status: ProposalStatus
    /// The day of the latest status.
    public var date: String?
    public var owner: String?
    public var decision: String?
    public var due: String?
    public var answers: [Trace]
    /// Catalogue solution ids, in the order first named.
    public var solutions: [String]
    public var history: [Event]
    /// The latest session's text about the proposal.
    public var text: [String]

    /// Everyone among the traced codes' residents, each once.
    public var residents: [String] { Array(Set(answers.flatMap(\.residents))).sorted() }

    public func answers(of kind: CodeKind) -> [Trace] { answers.filter { $0.kind == kind } }
}

/// A one-page handout for a co-creation workshop station: a theme or need in plain language,
/// who raised it, anonymised quotes, candidate solutions and questions for the group.
public struct Handout: Sendable, Hashable {
    public struct Quote: Sendable, Hashable {
        public var text: String
        /// Who said it without naming them: "Resident, 75–79". Never a pseudonym.
        public var speaker: String

        public init(text: String, speaker: String) {
            self.text = text
            self.speaker = speaker
        }
    }

    public struct CandidateSolution: Sendable, Hashable {
        public var name: String
        public var description: String
        public var costToResident: String
        public var competence: String
        public var status: NeedSolutionLink.Status
    }

    public var codeID: String
    public var title: String
    public var description: String
    /// Station name when the handout is part of a workshop plan.
    public var station: String?
    public var residents: Int
    public var participants: Int
    public var administrations: [Administration]
    public var quotes: [Quote]
    public var quotesWithheld: Int
    public var solutions: [CandidateSolution]
    public var questions: [String]
    /// Set for publication: counts below k are printed as "< k".
    public var smallCells: SmallCells?

    public init(
        codeID: String, title: String, description: String, station: String?, residents: Int, participants: Int,
        administrations: [Administration], quotes: [Quote], quotesWithheld: Int, solutions: [CandidateSolution], questions: [String],
        smallCells: SmallCells? = nil
    ) {
        self.smallCells = smallCells
        self.codeID = codeID
        self.title = title
        self.description = description
        self.station = station
        self.residents = residents
        self.participants = participants
        self.administrations = administrations
        self.quotes = quotes
        self.quotesWithheld = quotesWithheld
        self.solutions = solutions
        self.questions = questions
    }
}

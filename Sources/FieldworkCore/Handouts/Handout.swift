/// A one-page handout for a co-creation workshop station, for the residents at the table: a
/// theme in the workshop's language, residents' own words, candidate solutions (for needs) and
/// questions for the group with room to write. What the handout prints in words of its own
/// (headings, default questions) is the renderer's, in `language`.
public struct Handout: Sendable, Hashable {
    /// Needs (and themes) are discussed with their candidate solutions; barriers and
    /// preconditions cannot be linked to solutions, so they get their own questions instead.
    public enum Template: String, Sendable, Hashable, CaseIterable {
        case need, barrier, precondition

        public init(kind: CodeKind) {
            switch kind {
            case .barrier: self = .barrier
            case .precondition: self = .precondition
            default: self = .need
            }
        }
    }

    /// Who said it, without pointing at anyone: a role, and an age band only when at least k
    /// people of the register share it (`HandoutQuotes.attribution`).
    public struct Attribution: Sendable, Hashable {
        public var role: ParticipantRole
        /// "75–79" (en dash), or nil: the plain "a resident".
        public var ageBand: String?

        public init(role: ParticipantRole, ageBand: String? = nil) {
            self.role = role
            self.ageBand = ageBand
        }
    }

    public struct Quote: Sendable, Hashable {
        /// The resident's words, redacted and shortened to whole sentences where long.
        public var text: String
        public var attribution: Attribution

        public init(text: String, attribution: Attribution) {
            self.text = text
            self.attribution = attribution
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
    public var template: Template
    /// The handout's language (`sv`, `en`): the code's texts are taken in it.
    public var language: String
    /// The easy-read variant: fewer and shorter quotes, one solution, three questions.
    public var easyRead: Bool
    public var title: String
    public var description: String
    /// Station name when the handout is part of a workshop plan.
    public var station: String?
    /// The workshop plan's title, printed above the station.
    public var workshop: String?
    public var residents: Int
    public var participants: Int
    public var administrations: [Administration]
    public var quotes: [Quote]
    /// Residents' turns not offered as quotes because their consent does not allow it today.
    public var quotesWithheld: Int
    public var solutions: [CandidateSolution]
    /// The code's own questions in `language` (`questions:` in the codebook); empty: the
    /// renderer asks the template's default questions.
    public var questions: [String]
    /// Set for publication: counts below k are printed as "< k".
    public var smallCells: SmallCells?
    /// The quotes were chosen by hand (`ChosenQuotes`), not by the handout.
    public var quotesChosen = false
    /// Quotes chosen by hand that are not printed, and why: for the facilitator, never on the sheet.
    public var quotesLeftOut: [ChosenQuotes.LeftOut] = []
    /// Every passage the handout may quote, to choose from (for the research team; not printed;
    /// listed only when `HandoutBuilder.Options.offersChoices`).
    public var quoteChoices: [ChosenQuotes.Choice] = []

    public init(
        codeID: String, template: Template = .need, language: String = "en", easyRead: Bool = false, title: String, description: String,
        station: String?, residents: Int, participants: Int, administrations: [Administration], quotes: [Quote], quotesWithheld: Int,
        solutions: [CandidateSolution], questions: [String], smallCells: SmallCells? = nil
    ) {
        self.codeID = codeID
        self.template = template
        self.language = language
        self.easyRead = easyRead
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
        self.smallCells = smallCells
    }

    /// How much one page holds: more would push the writing room onto a second sheet.
    public struct Limits: Sendable, Hashable {
        public var quotes: Int
        /// Characters per quote; longer words are cut to whole sentences (`QuoteExcerpt`).
        public var quoteLength: Int
        public var solutions: Int
        public var questions: Int

        public static let standard = Limits(quotes: 3, quoteLength: 220, solutions: 2, questions: 4)
        public static let easyRead = Limits(quotes: 2, quoteLength: 110, solutions: 1, questions: 3)
    }

    public var limits: Limits { easyRead ? .easyRead : .standard }
}

import Foundation

/// Builds a handout from the coded material of one code and the codes below it.
public enum HandoutBuilder {
    /// What a handout is built for, besides its code.
    public struct Options: Sendable, Hashable {
        public var station: String?
        /// The workshop plan's title.
        public var workshop: String?
        /// `sv`, `en`: the code's texts and questions are taken in this language.
        public var language: String
        public var easyRead: Bool
        /// The smallest group an attribution may describe (`publication.min_count`).
        public var k: Int
        /// Set for publication: counts below k print as "< k".
        public var smallCells: SmallCells?
        /// Coding ids (or prefixes) chosen by hand, in order; nil: the handout chooses (`ChosenQuotes`).
        public var chosenQuotes: [String]?
        /// List every passage the handout may quote (`Handout.quoteChoices`): only the handout
        /// page offers them, so a file or a pack does not pay for the list.
        public var offersChoices = false

        public init(station: String? = nil, workshop: String? = nil, language: String = "en", easyRead: Bool = false, k: Int = SmallCells.defaultK,
                    smallCells: SmallCells? = nil, chosenQuotes: [String]? = nil) {
            self.chosenQuotes = chosenQuotes
            self.station = station
            self.workshop = workshop
            self.language = language
            self.easyRead = easyRead
            self.k = k
            self.smallCells = smallCells
        }
    }

    public static func build(
        codeID: String, options: Options = Options(), codebook: Codebook, passages: [CodedPassage], participants: [Participant],
        links: [NeedSolutionLink], solutions: [Solution], today: String, access: AccessRule? = nil,
        redactions: Redactions? = nil
    ) -> Handout? {
        guard let original = codebook[codeID] else { return nil }
        let code = original.localized(options.language)
        let redact = { (text: String) in redactions.map { $0.apply(text).text } ?? text }
        let codes = Set(codebook.subtree(of: codeID))
        let own = passages.filter { codes.contains($0.coding.codeID) }
            .sorted { ($0.document.date ?? "", $0.document.id, $0.coding.start) < ($1.document.date ?? "", $1.document.id, $1.coding.start) }
        let people = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let consent = ConsentRule(participants: participants, today: today, access: access)
        // Only words the consent rule lets appear count people, as on the need page and in the
        // report: a withdrawn resident is not counted among those who raised the theme.
        let counted = own.filter { consent.words(of: $0.participants, type: $0.document.type, date: $0.document.date) == .allowed }
        let speakers = Set(counted.flatMap(\.participants)).compactMap { people[$0] }
        let template = Handout.Template(kind: original.kind)
        let limits = options.easyRead ? Handout.Limits.easyRead : .standard
        let selection = HandoutQuotes.select(own, register: participants, consent: consent, k: options.k, limits: limits,
                                             language: options.language, chosen: options.chosenQuotes, redact: redact)
        var handout = Handout(
            codeID: codeID, template: template, language: options.language, easyRead: options.easyRead,
            title: redact(code.name), description: redact(code.description ?? ""), station: options.station,
            residents: speakers.filter { $0.role == .resident }.count, participants: speakers.count,
            administrations: NeedsRegister.residentAdministrations(of: speakers.map(\.id), people: people),
            quotes: selection.quotes, quotesWithheld: selection.withheld,
            // Barriers and preconditions are never linked to solutions: their template asks instead.
            solutions: template == .need ? Array(candidates(codes: codes, links: links, solutions: solutions).prefix(limits.solutions)) : [],
            questions: Array((original.questions(in: options.language) ?? []).prefix(limits.questions)).map(redact),
            smallCells: options.smallCells)
        handout.workshop = options.workshop
        handout.quotesChosen = options.chosenQuotes != nil
        handout.quotesLeftOut = selection.leftOut
        if options.offersChoices {
            handout.quoteChoices = HandoutQuotes.choices(own, register: participants, consent: consent, limits: limits,
                                                         language: options.language, redact: redact)
        }
        return handout
    }

    /// The solutions linked to the theme and not rejected: piloted first, then by id, each once.
    static func candidates(codes: Set<String>, links: [NeedSolutionLink], solutions: [Solution]) -> [Handout.CandidateSolution] {
        let catalogue = Dictionary(solutions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        return links.filter { codes.contains($0.needID) && $0.status != .rejected }
            .sorted { ($0.status == .piloted ? 0 : 1, $0.solutionID) < ($1.status == .piloted ? 0 : 1, $1.solutionID) }
            .compactMap { link -> Handout.CandidateSolution? in
                guard let solution = catalogue[link.solutionID], seen.insert(solution.name).inserted else { return nil }
                return Handout.CandidateSolution(name: solution.name, description: solution.description,
                                                 costToResident: solution.costToResident, competence: solution.competence,
                                                 status: link.status)
            }
    }
}

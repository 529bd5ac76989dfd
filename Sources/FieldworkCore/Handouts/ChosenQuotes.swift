/// Quotes a facilitator chose for a handout by hand (`--quote`, a plan station's `quotes:`, the
/// handout page's choice), instead of the handout's own choice of each resident's first passage.
///
/// A chosen quote is named by its coding's id, or a prefix of it that only one passage of the
/// theme has (as `code remove` accepts). It is held to the rules every quote is held to: a
/// resident's own turn, consent to quote today, the handout's language, one per person, room on
/// the page. A choice that breaks one is left out with its reason, never printed: consent can be
/// withdrawn between the planning and the printing, and the sheet must follow it.
public enum ChosenQuotes {
    public enum Reason: Sendable, Hashable {
        /// No passage of the theme (or the codes below it) has this coding id or prefix.
        case notOnTheme
        /// The prefix names several of the theme's passages.
        case ambiguous([String])
        /// A note, or a turn of staff, a relative or someone outside the register.
        case notAResidentsTurn
        /// From a document in this language, not the handout's.
        case otherLanguage(String)
        /// The speaker's consent does not cover quoting today.
        case noConsent
        /// An earlier chosen quote is the same person's: one quote per person.
        case samePerson
        /// The page holds this many quotes and they are taken.
        case noRoom(Int)
        /// Nothing left once redacted and shortened.
        case empty

        /// A mistake in what was asked (a typo, a wrong theme), as against a rule applied today.
        public var isMistake: Bool {
            switch self {
            case .notOnTheme, .ambiguous: true
            default: false
            }
        }
    }

    public struct LeftOut: Sendable, Hashable {
        /// As asked (an id or prefix).
        public var id: String
        public var reason: Reason

        public init(id: String, reason: Reason) {
            self.id = id
            self.reason = reason
        }
    }

    /// A passage a facilitator may choose: its words as the handout would print them, and where
    /// it is from (for the research team's eyes; the sheet names nobody).
    public struct Choice: Sendable, Hashable {
        public var codingID: String
        public var text: String
        public var speaker: String
        public var documentID: String
        public var documentTitle: String
        /// How many coders marked these words (with this theme or a code below it).
        public var coders = 1
    }

    enum Found {
        case passage(CodedPassage)
        case refused(Reason)
    }

    /// The passage `id` names among `passages`: the one with that coding id, else the only one
    /// whose id starts with it. Several codings of one passage count once.
    static func find(_ id: String, in passages: [CodedPassage]) -> Found {
        if let exact = passages.first(where: { $0.coding.id == id }) { return .passage(exact) }
        var matches: [String: CodedPassage] = [:]
        for passage in passages where !id.isEmpty && passage.coding.id.hasPrefix(id) && matches[passage.coding.id] == nil {
            matches[passage.coding.id] = passage
        }
        switch matches.count {
        case 0: return .refused(.notOnTheme)
        case 1: return .passage(matches.values.first!)
        default: return .refused(.ambiguous(matches.keys.sorted()))
        }
    }
}

extension ChosenQuotes.Reason {
    /// In English, for the command line and logs (the browser words it in the page's language).
    public func english(theme: String) -> String {
        switch self {
        case .notOnTheme: "no passage coded \(theme) (or a code below it) has this coding id"
        case .ambiguous(let ids): "several of the theme's codings start with it (\(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? ", …" : "")): give more of the id"
        case .notAResidentsTurn: "it is not a resident's own turn (a note, or staff's or a relative's words)"
        case .otherLanguage(let language): "its document is in \(Self.englishName(ofLanguage: language)), not the handout's language"
        case .noConsent: "the speaker's consent does not cover quoting today"
        case .samePerson: "an earlier chosen quote is the same person's (one quote per person)"
        case .noRoom(let room): "the page holds \(room) quotes"
        case .empty: "nothing is left of it once redacted"
        }
    }

    /// The study's languages by name, as the browser names them; another code as it is written.
    static func englishName(ofLanguage code: String) -> String {
        ["en": "English", "sv": "Swedish"][code.lowercased()] ?? "'\(code)'"
    }
}

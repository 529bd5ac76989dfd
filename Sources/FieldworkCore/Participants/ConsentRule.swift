/// The one consent check for participants' words: whether a passage may appear in anything
/// produced today — a page, an API answer, a search hit, an export, a handout.
///
/// A passage counts for the people of the attribution rule (`Attribution`). Their words appear
/// only if each of them has a consent that covers the kind of material (`interview` for
/// interviews, `workshop` for workshops and policy labs) given on or before the document's date
/// and **not withdrawn on or before today**: a withdrawal stops the words from appearing in
/// anything produced afterwards, whenever the interview took place. Quoting (handouts, needs
/// pages) also needs `quote` under the same terms. Notes that count for no one are the
/// researchers' own and stay. What was done before a withdrawal (codings, their counts) is kept
/// as the record of what was lawfully done; only the words are withheld.
public struct ConsentRule: Sendable {
    public enum Decision: Sendable, Hashable {
        case allowed
        /// Withheld, with a reason that names no one (for markers and export metadata).
        case withheld(Reason)
    }

    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case withdrawn = "consent withdrawn"
        case notGiven = "no consent for this material"
        case noQuote = "no consent to be quoted"
        /// The recording of the material is not covered: no `recording` scope.
        case noRecording = "no consent to the recording"
        /// Not consent but access: the material is restricted to named coders (`AccessRule`).
        case restricted = "restricted to named coders"

        /// The marker researcher views show in place of the words.
        public var marker: String {
            self == .restricted ? "withheld: access (\(rawValue))" : "withheld: consent (\(rawValue))"
        }
    }

    let people: [String: Participant]
    /// `YYYY-MM-DD`: the day of what is being produced.
    public let today: String
    /// Who is looking, for material restricted to named coders (nil: nothing is restricted).
    public let access: AccessRule?

    public init(participants: [Participant], today: String, access: AccessRule? = nil) {
        people = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.today = today
        self.access = access
    }

    /// The scope a document's material needs.
    public static func scope(of type: DocumentType) -> ConsentScope? {
        switch type {
        case .interview: .interview
        case .workshop, .policyLab: .workshop
        case .note: nil
        }
    }

    /// Whether the words of `ids` in a document of `type` dated `date` may appear today.
    public func words(of ids: [String], type: DocumentType, date: String?, quoting: Bool = false) -> Decision {
        decide(ids, type: type, date: date, also: quoting ? [.quote] : [])
    }

    /// Whether the recording of a document of `type` dated `date`, in which `ids` take part, may
    /// be played today: the same terms as their words, and each of them consented to `recording`.
    public func recording(of ids: [String], type: DocumentType, date: String?) -> Decision {
        decide(ids, type: type, date: date, also: [.recording])
    }

    private func decide(_ ids: [String], type: DocumentType, date: String?, also extra: [ConsentScope]) -> Decision {
        if let access, !access.allows(people: ids, type: type) { return .withheld(.restricted) }
        let scopes: [ConsentScope] = (Self.scope(of: type).map { [$0] } ?? []) + extra
        for id in ids {
            guard let person = people[id] else { continue }
            // Undated material (an imported transcript without `date:`) is taken as made on the
            // day of the person's first consent, the earliest it can have been made: a scope an
            // amendment added later does not reach it. Taking it as made today let an amendment
            // reach back (found by a new user: an undated interview was quoted before the quote
            // scope was given).
            let day = date ?? person.consents.map(\.date).min() ?? today
            for scope in scopes {
                // Given on or before the material's day (a scope an amendment added later does
                // not reach back), and still in force today.
                let given = person.consents.flatMap { $0.periods(of: scope) }.filter { $0.from <= day }
                if given.isEmpty { return .withheld(Self.missing(scope)) }
                if !given.contains(where: { $0.until.map { today < $0 } ?? true }) { return .withheld(.withdrawn) }
            }
        }
        return .allowed
    }

    /// Why material is withheld from someone who never gave `scope`.
    private static func missing(_ scope: ConsentScope) -> Reason {
        switch scope {
        case .quote: .noQuote
        case .recording: .noRecording
        default: .notGiven
        }
    }

    /// Whether a memo on a document of `type` whose participants are `ids` may be shown today. A
    /// memo is the researchers' own note, so consent does not withhold it (as notes that count
    /// for no one stay); access does: it speaks of the document's material, so a memo on a
    /// document restricted to other coders (its type, or a participant in it) is withheld with it.
    public func memo(onDocumentOf ids: [String], type: DocumentType) -> Decision {
        if let access, !access.allows(people: ids, type: type) { return .withheld(.restricted) }
        return .allowed
    }

    /// Whether the rule can withhold `id`'s words for one of `reasons` in any material: false
    /// only when `withdrawn` is the sole reason asked about and none of their consents has ended
    /// by today (withdrawn words need a consent that ended). Lets a search for withdrawn words
    /// skip everyone else without asking about each of their documents.
    public func mayWithhold(_ id: String, for reasons: Set<Reason>) -> Bool {
        guard reasons == [.withdrawn], access == nil else { return true }
        guard let person = people[id] else { return false }
        return person.consents.contains { consent in
            ConsentScope.allCases.contains { scope in consent.periods(of: scope).contains { $0.until.map { $0 <= today } ?? false } }
        }
    }

    public func allows(_ ids: [String], type: DocumentType, date: String?, quoting: Bool = false) -> Bool {
        words(of: ids, type: type, date: date, quoting: quoting) == .allowed
    }
}

/// How much an output left out, by reason — counts, never names.
public struct WithheldCount: Sendable, Hashable {
    public var byReason: [ConsentRule.Reason: Int] = [:]

    public init() {}

    public mutating func add(_ reason: ConsentRule.Reason) { byReason[reason, default: 0] += 1 }

    public var total: Int { byReason.values.reduce(0, +) }

    /// The reasons anything was withheld for.
    public var reasons: Set<ConsentRule.Reason> { Set(byReason.filter { $0.value > 0 }.keys) }

    /// "2 withheld (consent withdrawn: 1, no consent for this material: 1)"; empty when none.
    public var summary: String {
        guard total > 0 else { return "" }
        return "\(total) withheld (\(reasonList))"
    }

    /// "consent withdrawn: 1, no consent for this material: 1".
    public var reasonList: String {
        ConsentRule.Reason.allCases.compactMap { reason in byReason[reason].map { "\(reason.rawValue): \($0)" } }.joined(separator: ", ")
    }
}

/// How the consent rule was applied to a count over segments: the day, and the segments it
/// withheld (by reason, never by name).
public struct ConsentApplied: Sendable, Hashable {
    public var date: String
    public var withheldSegments: WithheldCount

    public init(date: String, withheldSegments: WithheldCount) {
        self.date = date
        self.withheldSegments = withheldSegments
    }
}

import Foundation

/// Which words a resident's handout may quote, and how it says who said them.
///
/// The rules (README, "Workshop handouts"): a quote is a **resident's own words from their
/// turn** — the segment's speaker is a resident (`Attribution.Basis.speaker`) whose consent
/// allows quoting today (`ConsentRule`, quoting). Notes are never quotes, not even a note that
/// words. Staff and relatives are not quoted on a resident's handout. One quote per person. A
/// handout quotes material in its own language (or of no stated language): a resident reading a
/// Swedish easy-read sheet is not handed an English quote.
public enum HandoutQuotes {
    public struct Selection: Sendable, Hashable {
        public var quotes: [Handout.Quote]
        /// Passages left out because a participant did not consent (`QuotesWithheld`, the need
        /// page's count too).
        public var withheld: Int
        /// Quotes chosen by hand that the handout does not print, and why (empty without a choice).
        public var leftOut: [ChosenQuotes.LeftOut] = []
    }

    /// - Parameters:
    ///   - passages: the theme's coded passages, in the order they should be offered.
    ///   - register: every participant (roles, consent, and the groups attributions describe).
    ///   - k: the smallest group an attribution may describe (`publication.min_count`).
    ///   - limits: how many quotes, how long.
    ///   - language: the handout's; passages of documents in another language are not offered.
    ///   - chosen: coding ids (or unique prefixes) a facilitator chose, in the order they are to be
    ///     printed; nil lets the handout choose. A chosen quote is held to the same rules: one that
    ///     breaks them is left out and said so (`Selection.leftOut`), never printed.
    ///   - redact: applied to the words before they are shortened, so no identifier is cut in half.
    public static func select(
        _ passages: [CodedPassage], register: [Participant], consent: ConsentRule, k: Int, limits: Handout.Limits,
        language: String? = nil, chosen: [String]? = nil, redact: (String) -> String = { $0 }
    ) -> Selection {
        let people = Dictionary(register.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var quotes: [Handout.Quote] = []
        var quoted: Set<String> = []
        var leftOut: [ChosenQuotes.LeftOut] = []
        let offered: [(passage: CodedPassage?, asked: String?)] = chosen.map { ids in
            ids.map { id in
                switch ChosenQuotes.find(id, in: passages) {
                case .passage(let passage): return (passage, id)
                case .refused(let reason):
                    leftOut.append(ChosenQuotes.LeftOut(id: id, reason: reason))
                    return (nil, id)
                }
            }
        } ?? passages.map { ($0, nil) }
        for case let (passage?, asked) in offered {
            func leave(_ reason: ChosenQuotes.Reason) {
                if let asked { leftOut.append(ChosenQuotes.LeftOut(id: asked, reason: reason)) }
            }
            if let reason = refusal(of: passage, people: people, consent: consent, language: language) { leave(reason); continue }
            let speaker = residentSpeaker(of: passage, people: people)!
            guard !quoted.contains(speaker.id) else { leave(.samePerson); continue }
            guard quotes.count < limits.quotes else { leave(.noRoom(limits.quotes)); continue }
            let text = QuoteExcerpt.shorten(redact(passage.coding.quote), to: limits.quoteLength)
            guard !text.isEmpty else { leave(.empty); continue }
            quoted.insert(speaker.id)
            quotes.append(Handout.Quote(text: text, attribution: attribution(of: speaker, among: register, k: k)))
        }
        return Selection(quotes: quotes, withheld: QuotesWithheld.count(passages, consent: consent), leftOut: leftOut)
    }

    /// Every passage a handout in `language` may quote today (a resident's own turn, consent to
    /// quote, the handout's language), in the order offered, several per person: what a facilitator
    /// chooses from. The text is redacted and shortened as the handout would print it. The same
    /// words coded by several coders are one choice, with how many coders marked them (the first
    /// coding names it): a passage three coders agree on is worth knowing from one coded minutes ago.
    public static func choices(
        _ passages: [CodedPassage], register: [Participant], consent: ConsentRule, limits: Handout.Limits,
        language: String? = nil, redact: (String) -> String = { $0 }
    ) -> [ChosenQuotes.Choice] {
        let people = Dictionary(register.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var choices: [ChosenQuotes.Choice] = []
        var coders: [[String]: Set<String>] = [:]
        for passage in passages where refusal(of: passage, people: people, consent: consent, language: language) == nil {
            let text = QuoteExcerpt.shorten(redact(passage.coding.quote), to: limits.quoteLength)
            guard !text.isEmpty else { continue }
            let key = [passage.document.id, text]
            if coders[key] == nil {
                choices.append(ChosenQuotes.Choice(codingID: passage.coding.id, text: text, speaker: passage.participants[0],
                                                   documentID: passage.document.id, documentTitle: passage.document.title))
            }
            coders[key, default: []].insert(passage.coding.coder)
        }
        return choices.map { choice in
            var counted = choice
            counted.coders = coders[[choice.documentID, choice.text]]?.count ?? 1
            return counted
        }
    }

    /// Why a handout does not quote `passage`, nil when it may.
    static func refusal(of passage: CodedPassage, people: [String: Participant], consent: ConsentRule, language: String?) -> ChosenQuotes.Reason? {
        guard let speaker = residentSpeaker(of: passage, people: people) else { return .notAResidentsTurn }
        if let language, let written = passage.document.language, written != language { return .otherLanguage(written) }
        guard consent.allows([speaker.id], type: passage.document.type, date: passage.document.date, quoting: true) else { return .noConsent }
        return nil
    }

    /// The resident whose turn holds the passage; nil for notes, staff, relatives and
    /// non-participants.
    static func residentSpeaker(of passage: CodedPassage, people: [String: Participant]) -> Participant? {
        guard passage.attribution.basis == .speaker, passage.participants.count == 1,
              let person = people[passage.participants[0]], person.role == .resident else { return nil }
        return person
    }

    /// The speaker's role, with their age band only when at least `k` people of the register
    /// share role and band ("75-79" and "75–79" alike): never a group small enough to point at
    /// someone in the room.
    public static func attribution(of speaker: Participant, among register: [Participant], k: Int) -> Handout.Attribution {
        let band = speaker.attributes["age_band"].map(normalizedBand) ?? ""
        guard !band.isEmpty else { return Handout.Attribution(role: speaker.role) }
        let sharing = register.filter { $0.role == speaker.role && normalizedBand($0.attributes["age_band"] ?? "") == band }
        return Handout.Attribution(role: speaker.role, ageBand: sharing.count >= k ? band : nil)
    }

    /// "75-79", "75–79" and " 75 – 79 " are one band, written with an en dash.
    static func normalizedBand(_ band: String) -> String {
        band.replacingOccurrences(of: "-", with: "–").split(separator: " ").joined()
    }
}

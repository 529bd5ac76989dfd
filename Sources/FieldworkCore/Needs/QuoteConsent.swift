/// Whether each passage may be quoted today, and whether consent withholds it
/// (`QuotesWithheld.isWithheld`), decided once per register for all its passages.
///
/// The decision depends only on the passage's people, its document's type and date, which few
/// passages differ in; it was made per passage and per need (a parent need asks again for its
/// children's passages), twice (quotable, withheld), each time gathering consent periods anew.
struct QuoteConsent {
    private let quotable: [Bool]
    private let withheld: [Bool]
    private let shown: [Bool]

    init(_ rule: ConsentRule, _ passages: [CodedPassage]) {
        struct Material: Hashable {
            let people: [String]
            let type: DocumentType
            let date: String?
        }
        var decisions: [Material: (quote: ConsentRule.Decision, words: ConsentRule.Decision)] = [:]
        var quotable: [Bool] = [], withheld: [Bool] = [], shown: [Bool] = []
        quotable.reserveCapacity(passages.count)
        withheld.reserveCapacity(passages.count)
        shown.reserveCapacity(passages.count)
        for passage in passages {
            // Group notes are nobody's words: neither quoted nor withheld.
            guard !passage.participants.isEmpty else {
                quotable.append(false)
                withheld.append(false)
                shown.append(true)
                continue
            }
            let material = Material(people: passage.participants, type: passage.document.type, date: passage.document.date)
            let decision = decisions[material] ?? (
                rule.words(of: material.people, type: material.type, date: material.date, quoting: true),
                rule.words(of: material.people, type: material.type, date: material.date))
            decisions[material] = decision
            quotable.append(decision.quote == .allowed)
            if case .withheld = decision.quote { withheld.append(true) } else { withheld.append(false) }
            shown.append(decision.words == .allowed)
        }
        self.quotable = quotable
        self.withheld = withheld
        self.shown = shown
    }

    /// Whether the passage at `index` may be quoted today.
    func isQuotable(_ index: Int) -> Bool { quotable[index] }

    /// Whether consent (or access) keeps the passage at `index` from being quoted today.
    func isWithheld(_ index: Int) -> Bool { withheld[index] }

    /// Whether the words of the passage at `index` may appear today (`ConsentRule.words`): only
    /// then is it evidence that counts people, administrations and codings.
    func isShown(_ index: Int) -> Bool { shown[index] }
}

/// Whether each passage may be quoted today, and whether consent withholds it
/// (`QuotesWithheld.isWithheld`), decided once per register for all its passages.
///
/// The decision depends only on the passage's people, its document's type and date, which few
/// passages differ in; it was made per passage and per need (a parent need asks again for its
/// children's passages), twice (quotable, withheld), each time gathering consent periods anew.
struct QuoteConsent {
    private let quotable: [Bool]
    private let withheld: [Bool]

    init(_ rule: ConsentRule, _ passages: [CodedPassage]) {
        struct Material: Hashable {
            let people: [String]
            let type: DocumentType
            let date: String?
        }
        var decisions: [Material: ConsentRule.Decision] = [:]
        var quotable: [Bool] = [], withheld: [Bool] = []
        quotable.reserveCapacity(passages.count)
        withheld.reserveCapacity(passages.count)
        for passage in passages {
            // Group notes are nobody's words: neither quoted nor withheld.
            guard !passage.participants.isEmpty else {
                quotable.append(false)
                withheld.append(false)
                continue
            }
            let material = Material(people: passage.participants, type: passage.document.type, date: passage.document.date)
            let decision = decisions[material] ?? rule.words(of: material.people, type: material.type, date: material.date, quoting: true)
            decisions[material] = decision
            quotable.append(decision == .allowed)
            if case .withheld = decision { withheld.append(true) } else { withheld.append(false) }
        }
        self.quotable = quotable
        self.withheld = withheld
    }

    /// Whether the passage at `index` may be quoted today.
    func isQuotable(_ index: Int) -> Bool { quotable[index] }

    /// Whether consent (or access) keeps the passage at `index` from being quoted today.
    func isWithheld(_ index: Int) -> Bool { withheld[index] }
}

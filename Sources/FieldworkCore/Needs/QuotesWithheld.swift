/// How many passages the faces that quote (a need's page, a handout, the study report) leave
/// unquoted because a participant did not consent: one definition, so that a need's page and
/// its handout give the same number.
///
/// A passage is counted once, however many codings (several coders, several codes of the
/// theme) mark it: the need's page counted codings (7) where the handout counted residents'
/// turns (5). Counted is every passage whose people include one whose consent does not let their
/// words be quoted today (no `quote` scope, withdrawn, not covering the material), whether or not
/// that face would have quoted it otherwise (a staff member's turn, another language), and
/// every passage restricted to named coders other than the one asking (`corpus/access.yaml`):
/// a quote left out is said to be left out, whatever the reason. Not counted: group notes
/// (nobody's words, so nobody's consent).
public enum QuotesWithheld {
    /// Whether consent (or access) keeps `passage` from being quoted today.
    public static func isWithheld(_ passage: CodedPassage, consent: ConsentRule) -> Bool {
        guard !passage.participants.isEmpty,
              case .withheld = consent.words(of: passage.participants, type: passage.document.type,
                                             date: passage.document.date, quoting: true) else { return false }
        return true
    }

    /// The distinct passages of `passages` that consent keeps from being quoted.
    public static func count(_ passages: [CodedPassage], consent: ConsentRule) -> Int {
        count(Array(passages.indices), of: passages) { isWithheld(passages[$0], consent: consent) }
    }

    /// `count` of `passages[indices]`, with `isWithheld` decided beforehand (`QuoteConsent`).
    static func count(_ indices: [Int], of passages: [CodedPassage], isWithheld: (Int) -> Bool) -> Int {
        Set(indices.filter(isWithheld).map { PassageKey(passages[$0]) }).count
    }

    /// A passage is its segment (the turn, paragraph or note), or the coded span outside any.
    private struct PassageKey: Hashable {
        let document: String
        let segment: Int?
        let span: Range<Int>?

        init(_ passage: CodedPassage) {
            document = passage.document.id
            segment = passage.segmentIndex
            span = passage.segmentIndex == nil ? passage.coding.start..<passage.coding.end : nil
        }
    }
}

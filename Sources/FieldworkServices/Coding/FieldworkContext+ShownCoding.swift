import FieldworkCore

extension FieldworkContext {
    /// A coding as the consent rule (and access) lets it be shown today, for the answer to a
    /// write: the words, context and memo of a coding on withheld words are not given back by a
    /// create, change, re-attach, restore or decision any more than by `/api/codings` (a memo
    /// saved on a withdrawn resident's turn answered its quote; found by a new user).
    ///
    /// Through the document cache the page opens use: a write on the document someone has open
    /// costs a stamp check, not a read of its text (`POST /api/codings` on a 20,000-segment
    /// document is one of the benchmarked writes).
    /// With the reason, as the listing gives it (`withheld`).
    public func shown(_ coding: Coding) async throws -> ShownCoding {
        guard let view = try await DocumentView.load(coding.documentID, from: store, codings: false, cache: documentCache,
                                                       blanking: false),
              !view.withheld.isEmpty else { return ShownCoding(coding: coding, withheld: nil) }
        let mask = ConsentMask(withheld: view.segments.compactMap { segment in view.withheld[segment.index].map { (segment.span, $0) } })
        return ShownCoding(coding: mask.clean(coding), withheld: mask.reason(for: coding))
    }
}

import FieldworkCore

extension FieldworkContext {
    /// A coding as the consent rule (and access) lets it be shown today, for the answer to a
    /// write: the words, context and memo of a coding on withheld words are not given back by a
    /// create, change, re-attach, restore or decision any more than by `/api/codings` (a memo
    /// saved on a withdrawn resident's turn answered its quote; found by a new user).
    /// With the reason, as the listing gives it (`withheld`).
    ///
    /// The write read its document's stamp and the register's revision in its own transaction
    /// (`WrittenCoding.basis`): when the document cache holds that stamp and those register
    /// entries, the rule is applied from them with no read at all (the read it took cost a
    /// fifth of a write's server CPU, session 29). Otherwise through the document cache the page
    /// opens use, which keeps what it reads for the next write.
    public func shown(_ written: WrittenCoding) async throws -> ShownCoding {
        if let basis = written.basis, let mask = documentCache.consentMask(written.documentID, at: basis) {
            return mask.shown(written.coding)
        }
        return try await shown(written.coding)
    }

    /// As above, for a coding whose write read nothing of its document: a stamp check through
    /// the document cache (a read of its text only when the cache does not hold it).
    public func shown(_ coding: Coding) async throws -> ShownCoding {
        guard let view = try await DocumentView.load(coding.documentID, from: store, codings: false, cache: documentCache,
                                                       blanking: false),
              !view.withheld.isEmpty else { return ShownCoding(coding: coding, withheld: nil) }
        return ConsentMask(segments: view.segments, withheld: view.withheld).shown(coding)
    }
}

extension ConsentMask {
    /// The mask of `segments` whose words are withheld, by index (`DocumentView.withheld`).
    init(segments: [Segment], withheld: [Int: ConsentRule.Reason]) {
        self.init(withheld: withheld.isEmpty ? [] : segments.compactMap { segment in withheld[segment.index].map { (segment.span, $0) } })
    }

    /// `coding` as this mask lets it be shown, with the reason when its words are withheld.
    func shown(_ coding: Coding) -> ShownCoding {
        guard !withheld.isEmpty else { return ShownCoding(coding: coding, withheld: nil) }
        return ShownCoding(coding: clean(coding), withheld: reason(for: coding))
    }
}

import FieldworkCore

extension DocumentContentCache {
    /// What the consent rule withholds today of a document whose stamp and register revision a
    /// write read in its own transaction (`ConsentBasis`), worked out from what is held here
    /// without a read: nil unless the document is held at that stamp with the register entries
    /// read at that revision (then a read gives nothing newer than what is held). Kept for the
    /// next write on the same register revision and occasion (the day, the person's access):
    /// working it out again was 2.6 % of a write's server CPU.
    func consentMask(_ id: String, at basis: ConsentBasis) -> ConsentMask? {
        guard let entry = entry(id), entry.stamp == basis.stamp, let register = entry.register,
              register.revision == basis.registerRevision else { return nil }
        let occasion = ConsentRule.Occasion.now()
        if let kept = entry.consentMask, kept.registerRevision == basis.registerRevision, kept.occasion == occasion {
            return kept.mask
        }
        let speakers = speakers(id, entry, known: Set(register.participants.map(\.id)))
        let withheld = DocumentView.withheldSegments(entry.segments, of: entry.document.metadata, speakers: speakers,
                                                     rule: occasion.rule(register.participants))
        let mask = ConsentMask(segments: entry.segments, withheld: withheld)
        update(id, basis.stamp) { $0.consentMask = (basis.registerRevision, occasion, mask) }
        return mask
    }
}

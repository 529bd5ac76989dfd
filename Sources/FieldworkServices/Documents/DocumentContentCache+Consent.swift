import FieldworkCore

extension DocumentContentCache {
    /// What the consent rule withholds today of a document whose stamp and register revision a
    /// write read in its own transaction (`ConsentBasis`), worked out from what is held here
    /// without a read: nil unless the document is held at that stamp with the register entries
    /// read at that revision (then a read gives nothing newer than what is held).
    func consentMask(_ id: String, at basis: ConsentBasis) -> ConsentMask? {
        guard let entry = entry(id), entry.stamp == basis.stamp, let register = entry.register,
              register.revision == basis.registerRevision else { return nil }
        let speakers = speakers(id, entry, known: Set(register.participants.map(\.id)))
        let withheld = DocumentView.withheldSegments(entry.segments, of: entry.document.metadata, speakers: speakers,
                                                     participants: register.participants)
        return ConsentMask(withheld: withheld.isEmpty ? [] : entry.segments.compactMap { segment in
            withheld[segment.index].map { (segment.span, $0) }
        })
    }
}

/// When a removed coding may be brought back (an undone removal): both stores ask this in the
/// transaction that restores it, so a restore never revives a coding on words that are no longer
/// there or a second copy of one that is live again.
public enum CodingRestore {
    /// Throws why `coding` (removed, as stored) cannot come back now: another version than the
    /// one the caller saw (`StoreError.staleVersion`), or, for an anchored coding, a transcript
    /// that no longer holds its quote at its span (`window`: the text around it now; nil when the
    /// document is gone).
    public static func check(_ coding: Coding, expectedVersion: Int?, window: TextWindow?) throws {
        if let expectedVersion, expectedVersion != coding.version {
            throw StoreError.staleVersion(id: coding.id, expected: expectedVersion, actual: coding.version)
        }
        guard coding.status == .anchored else { return }
        guard let window, TextQuoteAnchor(span: coding.anchor.span, in: window)?.quote == coding.anchor.quote else {
            throw StoreError.conflict("coding '\(coding.id)': its words are no longer at its place in the transcript (changed since "
                                      + "it was removed); code the passage again")
        }
    }
}

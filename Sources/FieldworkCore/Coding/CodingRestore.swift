/// When and where a removed coding may be brought back (an undone removal): both stores ask this
/// in the transaction that restores it, so a restore never revives a coding on words that are no
/// longer there, nor a stale version.
public enum CodingRestore {
    /// Throws `StoreError.staleVersion` when the caller saw another version than the stored one.
    public static func check(_ coding: Coding, expectedVersion: Int?) throws {
        if let expectedVersion, expectedVersion != coding.version {
            throw StoreError.staleVersion(id: coding.id, expected: expectedVersion, actual: coding.version)
        }
    }

    /// Whether the coding can come back where it was: an orphan always (it stays one), an
    /// anchored coding when `window` (the text around its span now) still holds its quote there.
    public static func isInPlace(_ coding: Coding, window: TextWindow?) -> Bool {
        guard coding.status == .anchored else { return true }
        guard let window else { return false }
        return TextQuoteAnchor(span: coding.anchor.span, in: window)?.quote == coding.anchor.quote
    }

    /// The coding placed again in its document's changed text (`text`: the whole of it), as an
    /// ingest re-anchors the live codings, which it does not do for removed ones: an edit anywhere
    /// before it since the removal moved its words. Throws `StoreError.conflict` when its words
    /// cannot be found with confidence (`AnchorResolver`).
    public static func placed(_ coding: Coding, in text: TextWindow?) throws -> Coding {
        let scalars = text.flatMap { $0.offset == 0 ? ScalarText($0.text) : nil }
        guard let scalars, let resolution = AnchorResolver.resolve(coding.anchor, in: scalars) else {
            throw StoreError.conflict("coding '\(coding.id)': its words are no longer in the transcript (changed since it was "
                                      + "removed); code the passage again")
        }
        var placed = coding
        placed.anchor = resolution.anchor(in: scalars)
        placed.anchorMethod = resolution.method
        return placed
    }

    /// The span of a window holding a document's whole text (`TextWindow.bounds` widens it by the
    /// context either side, from 0 to as far as the document goes). Within 32 bits: PostgreSQL
    /// cuts the text with `substr`, whose positions are `integer`.
    public static let wholeText = 0..<(Int(Int32.max) / 2)
}

/// How a coding's anchor was found again in a new version of its document's text.
public enum AnchorMethod: String, Sendable, Codable {
    /// The quote is still at its stored offsets and its context still fits.
    case position
    /// An exact occurrence of the quote elsewhere (the text around it shifted or moved).
    case exact
    /// An approximate occurrence: the quote itself was edited (typo fix, small rewording).
    case fuzzy
}

/// Where an anchor lands in the new text. `nil` from `AnchorResolver.resolve` means orphaned.
public struct AnchorResolution: Sendable, Hashable {
    /// The new `[start, end)` in Unicode scalar offsets.
    public var span: Range<Int>
    public var method: AnchorMethod
    /// Weighted evidence in 0...1 (quote 50, prefix 20, suffix 20, position 2, normalised over the
    /// parts that carry evidence). Informational: acceptance is decided by the resolver's rules,
    /// not by a threshold on this number.
    public var score: Double
    /// Edit distance between the stored quote and the new span's text (0 unless `.fuzzy`).
    public var errors: Int

    public init(span: Range<Int>, method: AnchorMethod, score: Double, errors: Int = 0) {
        self.span = span
        self.method = method
        self.score = score
        self.errors = errors
    }

    /// The anchor to store for the coding from now on (quote and context re-read from `text`).
    public func anchor(in text: ScalarText) -> TextQuoteAnchor {
        TextQuoteAnchor(span: span, in: text)
    }
}

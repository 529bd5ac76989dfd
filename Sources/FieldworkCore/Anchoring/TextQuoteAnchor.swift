/// Where a coding sits, described redundantly so it can be found again after the text changes.
///
/// Modelled on the W3C Web Annotation `TextQuoteSelector` plus `TextPositionSelector`: the exact
/// quote, up to `contextLength` scalars before and after it, and its `[start, end)` position.
public struct TextQuoteAnchor: Sendable, Hashable, Codable {
    public static let contextLength = 32

    public var quote: String
    public var prefix: String
    public var suffix: String
    public var start: Int
    public var end: Int

    public init(quote: String, prefix: String, suffix: String, start: Int, end: Int) {
        self.quote = quote
        self.prefix = prefix
        self.suffix = suffix
        self.start = start
        self.end = end
    }

    /// The anchor of `[start, end)` in `text`; the caller has validated the span.
    public init(span: Range<Int>, in text: ScalarText) {
        let context = TextQuoteAnchor.contextLength
        self.init(
            quote: text[span],
            prefix: text[max(0, span.lowerBound - context)..<span.lowerBound],
            suffix: text[span.upperBound..<min(text.count, span.upperBound + context)],
            start: span.lowerBound,
            end: span.upperBound
        )
    }

    public var span: Range<Int> { start..<end }
}

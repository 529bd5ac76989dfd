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

    /// The anchor of `[start, end)` in `text`, or nil when the span is not inside it. One pass
    /// over the UTF-8 bytes up to the end of the suffix, without materialising the text as
    /// scalars (a coding write should not cost a copy of a 20,000-word transcript).
    public init?(span: Range<Int>, inText text: String) {
        self.init(span: span, inText: text, startingAt: 0)
    }

    /// The anchor of `span` (document offsets) from a window of the document's text; nil when the
    /// span is not inside the text or the window does not reach the span's prefix.
    public init?(span: Range<Int>, in window: TextWindow) {
        guard span.upperBound <= window.documentLength else { return nil }
        self.init(span: span, inText: window.text, startingAt: window.offset)
    }

    /// `text` is the document's text from scalar `offset` on.
    private init?(span: Range<Int>, inText text: String, startingAt offset: Int) {
        guard span.lowerBound >= 0, !span.isEmpty else { return nil }
        let context = TextQuoteAnchor.contextLength
        // Scalar offsets (in `text`) of prefix start, quote start, quote end, suffix end: ascending.
        let marks = [max(0, span.lowerBound - context), span.lowerBound, span.upperBound, span.upperBound + context]
            .map { $0 - offset }
        guard marks[0] >= 0 else { return nil }
        var utf8 = text
        let found: [Int]? = utf8.withUTF8 { bytes in
            var offsets = [Int](repeating: bytes.count, count: marks.count)
            var next = 0
            var scalar = 0
            var index = 0
            while next < marks.count {
                while next < marks.count, marks[next] == scalar {
                    offsets[next] = index
                    next += 1
                }
                guard index < bytes.count else { break }
                index += 1
                while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
                scalar += 1
            }
            // The quote must end inside the text; the suffix may be cut short by its end.
            return next > 2 ? offsets : nil
        }
        guard let offsets = found else { return nil }
        func slice(_ lower: Int, _ upper: Int) -> String {
            var copy = text
            return copy.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
        }
        self.init(quote: slice(offsets[1], offsets[2]), prefix: slice(offsets[0], offsets[1]),
                  suffix: slice(offsets[2], offsets[3]), start: span.lowerBound, end: span.upperBound)
    }
}

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
    /// over the UTF-8 bytes, without materialising the whole text as scalars (a coding write
    /// should not cost a copy of a 20,000-word transcript).
    public init?(span: Range<Int>, inText text: String) {
        let context = TextQuoteAnchor.contextLength
        let marks = [max(0, span.lowerBound - context), span.lowerBound, span.upperBound, span.upperBound + context]
        var offsets = [Int](repeating: -1, count: marks.count)
        let bytes = Array(text.utf8)
        var scalar = 0
        var index = 0
        func record() {
            for (slot, mark) in marks.enumerated() where mark == scalar && offsets[slot] < 0 { offsets[slot] = index }
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                record()
                scalar += 1
            }
            index += 1
        }
        record()  // the end of the text
        guard span.lowerBound >= 0, !span.isEmpty, offsets[1] >= 0, offsets[2] >= 0 else { return nil }
        let suffixEnd = offsets[3] >= 0 ? offsets[3] : bytes.count
        func slice(_ lower: Int, _ upper: Int) -> String { String(decoding: bytes[lower..<upper], as: UTF8.self) }
        self.init(quote: slice(offsets[1], offsets[2]), prefix: slice(offsets[0], offsets[1]),
                  suffix: slice(offsets[2], suffixEnd), start: span.lowerBound, end: span.upperBound)
    }
}

/// The spans of one document whose words the consent rule withholds today, and what that means
/// for a coding shown beside them: a coding touching a withheld span loses its quote, context
/// and memo; any other coding keeps its quote, but its context (32 scalars either side, which
/// reach into the neighbouring turns) stops where withheld words begin.
public struct ConsentMask: Sendable {
    public private(set) var withheld: [(span: Range<Int>, reason: ConsentRule.Reason)] = []

    public init(document: DocumentMetadata, segments: [Segment], text: ScalarText, attributor: PassageAttributor, rule: ConsentRule) {
        for segment in segments {
            let people = attributor.attribute(segment, text: text[segment.span]).participants
            if case .withheld(let reason) = rule.words(of: people, type: document.type, date: document.date) {
                withheld.append((segment.span, reason))
            }
        }
    }

    /// The spans already worked out (a document view's withheld segments).
    public init(withheld: [(span: Range<Int>, reason: ConsentRule.Reason)]) {
        self.withheld = withheld
    }

    /// Why `coding` loses its quote, context and memo (`clean`); nil when it keeps them. An
    /// orphan beside withheld words gives the reason of the first of them.
    public func reason(for coding: Coding) -> ConsentRule.Reason? {
        guard Self.withholds(coding, beside: withheld.lazy.map(\.span)) else { return nil }
        return coding.status == .orphaned ? withheld.first?.reason : reason(for: coding.anchor.span)
    }

    /// Why words in `span` are withheld; nil when none are.
    public func reason(for span: Range<Int>) -> ConsentRule.Reason? {
        withheld.first { Self.touches(span, $0.span) }?.reason
    }

    /// Whether `coding` loses its quote, context and memo beside the `withheld` spans of its
    /// document: it touches one, or it is orphaned and there is any. An orphan's words come from an
    /// earlier text and can no longer be placed in anyone's turn, and its old position may now lie
    /// in someone else's: whose words they were is unknown, so they are not shown.
    public static func withholds(_ coding: Coding, beside withheld: some Sequence<Range<Int>>) -> Bool {
        coding.status == .orphaned ? withheld.contains { _ in true } : withheld.contains { touches(coding.anchor.span, $0) }
    }

    private static func touches(_ span: Range<Int>, _ withheld: Range<Int>) -> Bool {
        withheld.overlaps(span) || (span.isEmpty && withheld.contains(span.lowerBound))
    }

    /// The coding as it may be shown today.
    public func clean(_ coding: Coding) -> Coding {
        guard !withheld.isEmpty else { return coding }
        var clean = coding
        let anchor = coding.anchor
        if Self.withholds(coding, beside: withheld.lazy.map(\.span)) {
            clean.anchor = TextQuoteAnchor(quote: "", prefix: "", suffix: "", start: anchor.start, end: anchor.end)
            clean.memo = nil
            return clean
        }
        let prefixStart = anchor.start - anchor.prefix.unicodeScalars.count
        let cutBefore = withheld.filter { $0.span.upperBound <= anchor.start && $0.span.upperBound > prefixStart }
            .map(\.span.upperBound).max()
        let suffixEnd = anchor.end + anchor.suffix.unicodeScalars.count
        let cutAfter = withheld.filter { $0.span.lowerBound >= anchor.end && $0.span.lowerBound < suffixEnd }
            .map(\.span.lowerBound).min()
        if let cutBefore {
            clean.anchor.prefix = String(String.UnicodeScalarView(anchor.prefix.unicodeScalars.suffix(anchor.start - cutBefore)))
        }
        if let cutAfter {
            clean.anchor.suffix = String(String.UnicodeScalarView(anchor.suffix.unicodeScalars.prefix(cutAfter - anchor.end)))
        }
        return clean
    }
}

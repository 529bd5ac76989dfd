/// What a document's coded share is worked out from: the total length of its segments and the
/// spans of its anchored codings in use. The store reads these numbers alone (the documents list
/// read every coding of a page's documents whole, quotes and memos included, to learn its share:
/// 0.3 s for a page of twelve documents with 40,000 codings).
public struct CodingCoverage: Sendable, Hashable {
    public var segmentLength: Int
    public var spans: [Range<Int>]

    public init(segmentLength: Int = 0, spans: [Range<Int>] = []) {
        self.segmentLength = segmentLength
        self.spans = spans
    }

    /// The share of the segments' text under at least one coding, 0...1 (overlaps counted once).
    public var share: Double {
        guard segmentLength > 0 else { return 0 }
        var covered = 0
        var reach = 0
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(span.lowerBound, reach)
            if span.upperBound > start { covered += span.upperBound - start }
            reach = max(reach, span.upperBound)
        }
        return min(1, Double(covered) / Double(segmentLength))
    }
}

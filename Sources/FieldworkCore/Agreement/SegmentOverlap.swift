/// Which segments a coded span touches: those it overlaps by at least one Unicode scalar.
///
/// A coding that runs across two turns applies its code to both; an empty span applies to none.
/// Shared by agreement and co-occurrence so that both count "applied to a segment" alike.
public enum SegmentOverlap {
    /// `segments` sorted by start and not overlapping each other, as the segmenter makes them.
    public static func segments(overlapping span: Range<Int>, in segments: [Segment]) -> ArraySlice<Segment> {
        guard !span.isEmpty else { return [] }
        // The first segment ending after the span's start (binary search: transcripts run to thousands of turns).
        var low = 0, high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].end <= span.lowerBound { low = middle + 1 } else { high = middle }
        }
        var upper = low
        while upper < segments.count, segments[upper].start < span.upperBound { upper += 1 }
        return segments[low..<upper].filter { !$0.span.isEmpty && $0.span.overlaps(span) }[...]
    }
}

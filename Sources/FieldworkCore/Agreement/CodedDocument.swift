/// A document's segments with codings in it: what agreement and co-occurrence count from.
public struct CodedDocument: Sendable, Hashable {
    public var id: String
    /// Sorted by start, as the segmenter makes them.
    public var segments: [Segment]
    public var codings: [Coding]

    public init(id: String, segments: [Segment], codings: [Coding]) {
        self.id = id
        self.segments = segments
        self.codings = codings
    }
}

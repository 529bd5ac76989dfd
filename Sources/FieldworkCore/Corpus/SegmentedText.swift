/// A document's canonical plain text and its segments.
public struct SegmentedText: Sendable, Hashable {
    public var plainText: String
    public var segments: [Segment]

    public init(plainText: String, segments: [Segment]) {
        self.plainText = plainText
        self.segments = segments
    }
}

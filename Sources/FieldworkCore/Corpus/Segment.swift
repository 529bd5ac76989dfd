/// How a segment came to be: a speaker's turn, a paragraph outside any turn, or a list item
/// (a sticky note, an idea) in workshop notes.
public enum SegmentKind: String, Sendable, Codable, CaseIterable {
    case turn
    case paragraph
    case item
}

/// A unit of a document's plain text, `[start, end)` in Unicode scalars.
public struct Segment: Sendable, Hashable, Codable {
    public var index: Int
    public var kind: SegmentKind
    public var speaker: String?
    /// Headings above the segment, outermost first.
    public var headingPath: [String]
    public var start: Int
    public var end: Int
    /// 1-based source lines in the Markdown file, inclusive.
    public var lineStart: Int
    public var lineEnd: Int
    /// Seconds into the recording, from a time written at the segment's start (`[00:12:34]`);
    /// see `SegmentTimestamp`.
    public var timeStart: Double?
    public var timeEnd: Double?

    public init(
        index: Int, kind: SegmentKind, speaker: String?, headingPath: [String],
        start: Int, end: Int, lineStart: Int, lineEnd: Int, timeStart: Double? = nil, timeEnd: Double? = nil
    ) {
        self.timeStart = timeStart
        self.timeEnd = timeEnd
        self.index = index
        self.kind = kind
        self.speaker = speaker
        self.headingPath = headingPath
        self.start = start
        self.end = end
        self.lineStart = lineStart
        self.lineEnd = lineEnd
    }

    public var span: Range<Int> { start..<end }

    /// The heading path as one line, the form shown in lists and exports.
    public var heading: String? { Segment.headingLine(headingPath) }

    public static func headingLine(_ path: [String]) -> String? {
        path.isEmpty ? nil : path.joined(separator: " › ")
    }
}

import FieldworkCore

/// A segment's place in its document, as both faces print it (the CLI adds its id, document
/// and text beside these).
public struct SegmentOutput: Encodable, Sendable {
    public let index: Int
    public let kind: String
    @AlwaysEncoded public var speaker: String?
    @AlwaysEncoded public var heading: String?
    public let start, end, lineStart, lineEnd: Int
    /// Seconds into the recording (null: no time written at the segment's start).
    @AlwaysEncoded public var timeStart: Double?
    @AlwaysEncoded public var timeEnd: Double?

    enum CodingKeys: String, CodingKey {
        case index, kind, speaker, heading, start, end
        case lineStart = "line_start", lineEnd = "line_end", timeStart = "time_start", timeEnd = "time_end"
    }

    public init(_ segment: Segment) {
        index = segment.index
        kind = segment.kind.rawValue
        speaker = segment.speaker
        heading = segment.heading
        start = segment.start
        end = segment.end
        lineStart = segment.lineStart
        lineEnd = segment.lineEnd
        timeStart = segment.timeStart
        timeEnd = segment.timeEnd
    }
}

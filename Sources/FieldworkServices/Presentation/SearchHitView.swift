import FieldworkCore

/// The JSON shape of a search hit, shared by `fieldwork search --json` and `/api/search`.
/// Matches in the snippet are marked with `[` and `]`.
public struct SearchHitView: Encodable, Sendable {
    public let document, title: String
    public let segment: Int
    @AlwaysEncoded public var speaker: String?
    @AlwaysEncoded public var heading: String?
    public let start, end: Int
    public let snippet: String
    /// BM25 from FTS5 (or `ts_rank_cd` negated, on PostgreSQL): lower is better.
    public let rank: Double

    public init(_ hit: SearchHit) {
        document = hit.documentID
        title = hit.documentTitle
        segment = hit.segmentIndex
        speaker = hit.speaker
        heading = hit.heading
        start = hit.start
        end = hit.end
        snippet = hit.snippet(marking: "[", "]")
        rank = hit.rank
    }
}

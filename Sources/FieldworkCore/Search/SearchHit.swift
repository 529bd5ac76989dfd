/// One segment that matched a search, best first.
public struct SearchHit: Sendable, Hashable {
    public var documentID: String
    public var documentTitle: String
    public var segmentIndex: Int
    public var speaker: String?
    public var heading: String?
    public var start: Int
    public var end: Int
    /// A short excerpt with matches between `[` and `]`.
    public var snippet: String
    /// BM25 rank from FTS5: lower is better.
    public var rank: Double

    public init(
        documentID: String, documentTitle: String, segmentIndex: Int, speaker: String?, heading: String?,
        start: Int, end: Int, snippet: String, rank: Double
    ) {
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.segmentIndex = segmentIndex
        self.speaker = speaker
        self.heading = heading
        self.start = start
        self.end = end
        self.snippet = snippet
        self.rank = rank
    }
}

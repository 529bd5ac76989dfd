/// One segment that matched a search, best first.
public struct SearchHit: Sendable, Hashable {
    public var documentID: String
    public var documentTitle: String
    public var segmentIndex: Int
    public var speaker: String?
    public var heading: String?
    public var start: Int
    public var end: Int
    /// A short excerpt; each match sits between `matchStart` and `matchEnd` (private-use
    /// characters that cannot be confused with transcript text). See `snippet(marking:_:)`.
    public var snippet: String
    public static let matchStart = "\u{E000}"
    public static let matchEnd = "\u{E001}"
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

    /// The snippet with matches between `open` and `close`; `escape` is applied to the text first.
    public func snippet(marking open: String, _ close: String, escape: (String) -> String = { $0 }) -> String {
        escape(snippet).replacingAll(Character(SearchHit.matchStart), with: open)
            .replacingAll(Character(SearchHit.matchEnd), with: close)
    }
}

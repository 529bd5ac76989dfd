/// One segment that matched a search, best first.
public struct SearchHit: Sendable, Hashable {
    public var documentID: String
    public var documentTitle: String
    /// The document's type and date: what the consent rule needs of it besides the speaker, so
    /// that a search need not read its documents (whose text grows with the corpus).
    public var documentType: DocumentType
    public var documentDate: String?
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
        documentID: String, documentTitle: String, documentType: DocumentType, documentDate: String?, segmentIndex: Int,
        speaker: String?, heading: String?, start: Int, end: Int, snippet: String, rank: Double
    ) {
        self.documentID = documentID
        self.documentTitle = documentTitle
        self.documentType = documentType
        self.documentDate = documentDate
        self.segmentIndex = segmentIndex
        self.speaker = speaker
        self.heading = heading
        self.start = start
        self.end = end
        self.snippet = snippet
        self.rank = rank
    }

    /// The snippet as text with matches between `open` and `close` (`[natten]`).
    public func snippet(marking open: String, _ close: String) -> String {
        snippet.replacingAll(Character(SearchHit.matchStart), with: open)
            .replacingAll(Character(SearchHit.matchEnd), with: close)
    }

    /// The snippet as HTML: its text escaped, each match between `open` and `close` (`<mark>`).
    public func snippetHTML(marking open: SafeHTML, _ close: SafeHTML) -> SafeHTML {
        var html = SafeHTML()
        var text = ""
        for character in snippet {
            guard character == Character(SearchHit.matchStart) || character == Character(SearchHit.matchEnd) else {
                text.append(character)
                continue
            }
            html += SafeHTML(text: text) + (character == Character(SearchHit.matchStart) ? open : close)
            text = ""
        }
        return html + SafeHTML(text: text)
    }
}

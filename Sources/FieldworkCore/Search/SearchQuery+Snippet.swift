extension SearchQuery {
    /// How many words a snippet made here holds, as FTS5's `snippet` is asked for (16).
    static let snippetWords = 16

    /// The snippet a hit shows: the index's own with only the matches the diacritics rule keeps
    /// marked, or — when the index's window holds none of those (its matches were folded ones
    /// the rule rejects, `att` for `å*`) — one made around the first word the rule matches in
    /// `text`, the segment's text. The hit showed no match at all before (found by a new user).
    public func shownSnippet(_ snippet: String, text: String) -> String {
        let kept = markingRuleMatches(in: snippet)
        let strict = strictTerms
        guard !strict.isEmpty, !kept.contains(Character(SearchHit.matchStart)) else { return kept }
        let words = SearchWords(text)
        let matches = strict.flatMap { words.matches($0, inflecting: inflects) }.sorted { $0.lowerBound < $1.lowerBound }
        guard let first = matches.first else { return kept }
        let start = max(0, first.lowerBound - 5), end = min(words.ranges.count, start + Self.snippetWords)
        let scalars = text.unicodeScalars
        func piece(_ from: String.Index, _ to: String.Index) -> String { String(Substring(scalars[from..<to])) }
        var result = start > 0 ? "…" : ""
        var cursor = words.ranges[start].lowerBound
        var markedUpTo = start
        for match in matches where match.lowerBound >= markedUpTo && match.upperBound <= end {
            let from = words.ranges[match.lowerBound].lowerBound, to = words.ranges[match.upperBound - 1].upperBound
            result += piece(cursor, from) + SearchHit.matchStart + piece(from, to) + SearchHit.matchEnd
            cursor = to
            markedUpTo = match.upperBound
        }
        result += piece(cursor, words.ranges[end - 1].upperBound)
        return result + (end < words.ranges.count ? "…" : "")
    }
}

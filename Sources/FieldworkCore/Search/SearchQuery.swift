/// A full-text query as people type it: words (all must occur), `"quoted phrases"`, and
/// `prefix*`. Nothing else is special, so no input can inject FTS5 syntax.
///
/// Diacritics: the index folds them (so `hemtjanst` finds `hemtjänst`), but a term typed *with*
/// diacritics must match them exactly (so `får` does not find `far`): in Swedish å, ä and ö are
/// letters of their own.
///
/// Ranking: hits are ordered by relevance (BM25 on SQLite, `ts_rank_cd` on PostgreSQL) among
/// the first `rankingWindow` matching segments in corpus order (the order segments were stored:
/// documents as ingested, each in reading order). A search matching fewer segments (nearly every
/// focused search) is ranked whole; a broad one (`hemtjänst*` in 10,000 transcripts matches
/// tens of thousands) costs what ranking the window costs, not what ranking every match would.
public struct SearchQuery: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        public var text: String
        public var isPrefix: Bool
        public var isPhrase: Bool
    }

    public var terms: [Term]
    public var limit: Int
    /// How many hits of the ranking to skip (paging: the second page of 50 skips 50).
    public var offset: Int
    /// How many matching segments, in corpus order, are ranked (see the type's comment).
    public var rankingWindow: Int
    /// The store's index stems words (PostgreSQL: `hemtjänst` finds `hemtjänsten`): the
    /// diacritics rule then lets a word differ from the term by an ending as the index does, or
    /// a term typed with å, ä or ö found fewer passages than the same term typed without them.
    public var inflects = false

    public static let defaultRankingWindow = 1000
    /// The deepest page anyone may ask for (API, page and CLI alike): a page costs what it skips.
    public static let maximumOffset = 10_000
    /// The most different terms one search may hold. SQLite's ranking (`fieldwork_bm25`) takes
    /// one argument per term and SQLite allows 127 at most; the same limit on PostgreSQL, so a
    /// search means the same on both stores. A repeated term counts once.
    public static let maximumTerms = 100

    public init(_ input: String, limit: Int = 50, offset: Int = 0, rankingWindow: Int = SearchQuery.defaultRankingWindow) {
        self.limit = limit
        self.offset = offset
        self.rankingWindow = rankingWindow
        terms = SearchQuery.parse(input)
    }

    /// How many ranked candidates a store reads: the skipped ones and the page, ten times more
    /// when the diacritics rule (applied to the candidates' text) may drop some.
    public var fetchLimit: Int {
        (offset + limit) * (termsWithDiacritics.isEmpty ? 1 : 10)
    }

    /// The page of `ranked` candidates: the diacritics rule applied, `offset` skipped, `limit` kept.
    public func page<Candidate>(_ ranked: some Sequence<Candidate>, text: (Candidate) throws -> String) rethrows -> [Candidate] {
        var kept: [Candidate] = []
        var skipped = 0
        for candidate in ranked where kept.count < limit {
            guard acceptsDiacritics(of: try text(candidate)) else { continue }
            if skipped < offset { skipped += 1 } else { kept.append(candidate) }
        }
        return kept
    }

    /// The matches ranked: the window, and never fewer than the candidates asked for.
    public var rankedMatches: Int {
        max(rankingWindow, fetchLimit)
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Why this query cannot be run, or nil (`SearchService` refuses it: 422, or the CLI's error).
    public var problem: String? {
        guard terms.count > Self.maximumTerms else { return nil }
        return "the search has \(terms.count) different words or phrases; at most \(Self.maximumTerms) are searched at once"
    }

    /// Words typed with non-ASCII letters: results must contain them as typed (case-insensitively).
    public var termsWithDiacritics: [String] {
        terms.flatMap { $0.text.lowercased().split(separator: " ").map(String.init) }.filter(SearchWords.hasDiacritics)
    }

    /// Whether `text` satisfies the diacritics rule: each term typed with diacritics occurs in it
    /// as a run of whole words, the last one a word's beginning for `prefix*` (see `SearchWords`).
    public func acceptsDiacritics(of text: String) -> Bool {
        let strict = strictTerms
        guard !strict.isEmpty else { return true }
        let words = SearchWords(text)
        return strict.allSatisfy { words.contain($0, inflecting: inflects) }
    }

    /// The terms typed with diacritics: those the rule checks in the candidates' words.
    var strictTerms: [Term] {
        terms.filter { $0.text.unicodeScalars.contains(where: SearchWords.isDiacritic) }
    }

    /// `snippet` with the index's marks kept only around words the diacritics rule matches: the
    /// index marks every folded match, so a passage kept for `å*` had its `att` and `Alla` marked too.
    public func markingRuleMatches(in snippet: String) -> String {
        guard !strictTerms.isEmpty else { return snippet }
        let open = Character(SearchHit.matchStart), close = Character(SearchHit.matchEnd)
        var result = ""
        var marked: String?
        for character in snippet {
            if character == open, marked == nil {
                marked = ""
            } else if character == close, let region = marked {
                let words = SearchWords(region)
                result += terms.contains(where: { words.contain($0, inflecting: inflects) }) ? "\(open)\(region)\(close)" : region
                marked = nil
            } else if marked != nil {
                marked!.append(character)
            } else {
                result.append(character)
            }
        }
        if let region = marked { result += String(open) + region }
        return result
    }

    private static func parse(_ input: String) -> [Term] {
        var terms: [Term] = []
        var current = ""
        var inQuotes = false
        func flush(phrase: Bool) {
            var text = current.trimmingSpaces
            current = ""
            var isPrefix = false
            if !phrase, text.hasSuffix("*") {
                isPrefix = true
                text = String(text.unicodeScalars.dropLast().map(Character.init)).trimmingSpaces
            }
            // Letters, digits and marks are kept; anything else separates words, as FTS5's
            // tokenizer would treat it (`hem-tjänst` searches the phrase `hem tjänst`).
            let kept = text.unicodeScalars.map { SearchWords.isWordPart($0) ? Character($0) : " " }
            let cleaned = String(kept).split(separator: " ").joined(separator: " ")
            if !cleaned.isEmpty { terms.append(Term(text: cleaned, isPrefix: isPrefix, isPhrase: phrase)) }
        }
        for character in input {
            if character == "\"" {
                flush(phrase: inQuotes)
                inQuotes.toggle()
            } else if character.isWhitespace && !inQuotes {
                flush(phrase: false)
            } else {
                current.append(character)
            }
        }
        flush(phrase: inQuotes)
        // A repeated term asks nothing more (all terms must occur): once, in its first place.
        // The index folds case, and so does the diacritics rule.
        var seen = Set<Term>()
        return terms.filter { term in
            seen.insert(Term(text: term.text.lowercased(), isPrefix: term.isPrefix, isPhrase: term.isPhrase)).inserted
        }
    }

    /// The FTS5 MATCH expression: every term quoted, so user input is never FTS5 syntax.
    public var ftsPattern: String {
        ftsPhrases.joined(separator: " AND ")
    }

    /// Each term's own MATCH expression (an FTS5 phrase), in the pattern's order.
    public var ftsPhrases: [String] {
        terms.map { term in
            let quoted = "\"" + term.text.replacingAll("\"", with: "\"\"") + "\""
            return term.isPrefix ? quoted + "*" : quoted
        }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}

/// A query the search cannot run (`SearchQuery.problem`).
public struct SearchQueryError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Whether a researcher's own free text (a memo, a link's rationale, a code's definition) names a
/// participant or quotes their words. An erasure removes the participant's words wherever the
/// tool put them, but notes are the researchers' analysis and are not cut automatically: those
/// that mention the person are pointed out, by place and never by their words, for a person to
/// edit (`ErasureService`).
///
/// It names them when their pseudonym stands as a word of its own (`R07`, `R07:s`, `R07's`,
/// any case). It quotes them when a part between quote marks (“ ”, ” ”, " ", « », „ “) of at
/// least `quotedWords` words runs in one of their passages as `ExampleQuote` compares (an
/// ellipsis may leave words out), or when `copiedWords` words in a row, quoted or not, are a
/// run of one of their passages: a sentence pasted from the transcript without quote marks.
public struct PersonMention: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case names
        case quotes
    }

    /// Fewer quoted words are too often everyone's ("jag vet inte", "I don't know").
    public static let quotedWords = 4
    /// A run this long of a passage's words is copied, not a common phrase.
    public static let copiedWords = 8

    let pseudonym: String
    let passages: [[String]]
    /// Every run of `copiedWords` words of the passages, the words joined by a space.
    let runs: Set<String>

    public init(participantID: String, passages: [String]) {
        pseudonym = participantID.lowercased()
        self.passages = passages.map(ExampleQuote.words)
        var runs: Set<String> = []
        for words in self.passages where words.count >= Self.copiedWords {
            for start in 0...(words.count - Self.copiedWords) {
                runs.insert(words[start..<(start + Self.copiedWords)].joined(separator: " "))
            }
        }
        self.runs = runs
    }

    /// How `text` mentions them (naming first: it needs no passage), or nil.
    public func find(in text: String) -> Kind? {
        let words = ExampleQuote.words(text)
        if words.contains(where: { $0 == pseudonym || $0.hasPrefix(pseudonym + "'") }) { return .names }
        if words.count >= Self.copiedWords {
            for start in 0...(words.count - Self.copiedWords)
            where runs.contains(words[start..<(start + Self.copiedWords)].joined(separator: " ")) {
                return .quotes
            }
        }
        for quoted in Self.quotedParts(of: text) {
            let pieces = ExampleQuote.pieces(of: String(quoted))
            guard pieces.reduce(0, { $0 + $1.count }) >= Self.quotedWords else { continue }
            if passages.contains(where: { ExampleQuote.quotes(pieces: pieces, words: $0) }) { return .quotes }
        }
        return nil
    }

    /// Each opening mark and the closing marks that end it: English, Swedish (”…” on both sides,
    /// »…»), German-style and guillemets both ways.
    static let marks: [Character: Set<Character>] = [
        "“": ["”", "“"], "”": ["”"], "\"": ["\""], "«": ["»"], "»": ["«", "»"], "„": ["“", "”"],
    ]

    /// The texts between quote marks (an unclosed mark quotes nothing).
    static func quotedParts(of text: String) -> [Substring] {
        var parts: [Substring] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard let closing = marks[text[index]] else {
                index = text.index(after: index)
                continue
            }
            let start = text.index(after: index)
            guard let end = text[start...].firstIndex(where: { closing.contains($0) }) else { break }
            parts.append(text[start..<end])
            index = text.index(after: end)
        }
        return parts
    }
}

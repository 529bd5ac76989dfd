/// A full-text query as people type it: words (all must occur), `"quoted phrases"`, and
/// `prefix*`. Nothing else is special, so no input can inject FTS5 syntax.
///
/// Diacritics: the index folds them (so `hemtjanst` finds `hemtjänst`), but a term typed *with*
/// diacritics must match them exactly (so `får` does not find `far`): in Swedish å, ä and ö are
/// letters of their own.
public struct SearchQuery: Sendable, Hashable {
    public struct Term: Sendable, Hashable {
        public var text: String
        public var isPrefix: Bool
        public var isPhrase: Bool
    }

    public var terms: [Term]
    public var limit: Int

    public init(_ input: String, limit: Int = 50) {
        self.limit = limit
        terms = SearchQuery.parse(input)
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Terms containing non-ASCII letters: results must contain them as typed (case-insensitively).
    public var termsWithDiacritics: [String] {
        terms.flatMap { $0.text.lowercased().split(separator: " ").map(String.init) }
            .filter { $0.unicodeScalars.contains { !$0.isASCII && $0.properties.isAlphabetic } }
    }

    /// Whether `text` satisfies the diacritics rule for every term typed with diacritics.
    public func acceptsDiacritics(of text: String) -> Bool {
        let required = termsWithDiacritics
        guard !required.isEmpty else { return true }
        let lowered = text.lowercased()
        return required.allSatisfy { lowered.contains($0) }
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
            let kept = text.unicodeScalars.map { scalar -> Character in
                let properties = scalar.properties
                let isWordPart = properties.isAlphabetic || properties.numericType != nil
                    || properties.generalCategory == .nonspacingMark
                return isWordPart ? Character(scalar) : " "
            }
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
        return terms
    }

    /// The FTS5 MATCH expression: every term quoted, so user input is never FTS5 syntax.
    public var ftsPattern: String {
        terms.map { term in
            let quoted = "\"" + term.text.replacingAll("\"", with: "\"\"") + "\""
            return term.isPrefix ? quoted + "*" : quoted
        }.joined(separator: " AND ")
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

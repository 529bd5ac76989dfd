import Foundation

/// Whether a codebook example quotes a passage. Examples are typed by hand from transcripts, so
/// they rarely match byte for byte: quote marks are added around them or changed (“ ” « » '),
/// line breaks and spaces differ, a sentence starts with a capital where the cut was made, and
/// a long quote is shortened with an ellipsis (`…`, `...`, `[…]`) where words were left out.
/// So both texts are read as words only (letters and digits; an apostrophe inside a word kept,
/// `’` as `'`), compared without case, and the example's pieces between ellipses must each be
/// a run of whole words of the passage, in order. Punctuation is ignored: an example that
/// moves a comma still quotes the person.
public enum ExampleQuote {
    public static func quotes(_ example: String, passage: String) -> Bool {
        quotes(pieces: pieces(of: example), words: words(passage))
    }

    /// The same, for an example already cut into `pieces(of:)` and a passage already read into
    /// `words(_:)`: an erasure compares every example with every passage of the person.
    public static func quotes(pieces: [[String]], words: [String]) -> Bool {
        guard !pieces.isEmpty else { return false }
        var from = 0
        for piece in pieces {
            guard let found = firstRun(of: piece, in: words, from: from) else { return false }
            from = found + piece.count
        }
        return true
    }

    /// The example's runs of words between ellipses; empty runs (an ellipsis at either end) dropped.
    public static func pieces(of example: String) -> [[String]] {
        var text = example
        for ellipsis in ["[…]", "[...]", "(…)", "(...)", "...", "…"] {
            text = text.replacingOccurrences(of: ellipsis, with: "\u{1F}")
        }
        return text.split(separator: "\u{1F}").map { words(String($0)) }.filter { !$0.isEmpty }
    }

    /// Case-folded words, NFC (a decomposed å is the same word as a composed one).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
                current.unicodeScalars.append(scalar)
            } else if (scalar == "'" || scalar == "\u{2019}"), !current.isEmpty, index + 1 < scalars.count,
                      scalars[index + 1].properties.isAlphabetic {
                current.unicodeScalars.append("'")
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func firstRun(of piece: [String], in words: [String], from start: Int) -> Int? {
        guard piece.count <= words.count - start, start <= words.count else { return nil }
        for index in start...(words.count - piece.count) where words[index..<(index + piece.count)].elementsEqual(piece) {
            return index
        }
        return nil
    }
}

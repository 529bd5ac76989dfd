/// A quote cut to fit a handout: whole sentences while they fit, else whole words, with "…"
/// where words were left out. Line breaks become spaces (a quote is read as one passage).
public enum QuoteExcerpt {
    public static let ellipsis = "…"

    public static func shorten(_ text: String, to maxLength: Int) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let flat = words.joined(separator: " ")
        guard flat.count > maxLength else { return flat }
        var kept = ""
        for sentence in sentences(flat) {
            let next = kept.isEmpty ? sentence : kept + " " + sentence
            guard next.count + 2 <= maxLength else { break }
            kept = next
        }
        if kept.isEmpty {
            for word in words {
                let next = kept.isEmpty ? String(word) : kept + " " + word
                guard next.count + 2 <= maxLength else { break }
                kept = next
            }
        }
        // A single word longer than the limit is cut inside it rather than dropped.
        if kept.isEmpty { kept = String(flat.prefix(max(1, maxLength - 2))) }
        return kept + " " + ellipsis
    }

    /// Sentences end at `.`, `!` or `?` (with any closing quote mark) before a space.
    public static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            if character == " ", endsSentence(current) {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func endsSentence(_ text: String) -> Bool {
        var tail = text[...]
        while let last = tail.last, "\"”’)".contains(last) { tail = tail.dropLast() }
        return tail.last.map { ".!?".contains($0) } ?? false
    }
}

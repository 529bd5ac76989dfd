import Foundation

/// Whether a selection's `name` is the text its span lands on, allowing for what exporters do to
/// a quote: line breaks and runs of spaces written as one space, decomposed letters, and long
/// quotes cut short with an ellipsis (`…` or `...`), as our own export and ATLAS.ti do.
enum QuoteComparison {
    static func agrees(quote: String, text: String) -> Bool {
        let quote = normalized(quote), text = normalized(text)
        if quote == text { return true }
        for ellipsis in ["…", "..."] where quote.hasSuffix(ellipsis) {
            let stem = String(quote.unicodeScalars.dropLast(ellipsis.unicodeScalars.count))
                .trimmingCharacters(in: .whitespaces)
            if stem.unicodeScalars.count >= 3, text.unicodeScalars.starts(with: stem.unicodeScalars) { return true }
        }
        return false
    }

    /// NFC, every run of white space one space, no space at either end.
    static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace || $0.isNewline })
            .joined(separator: " ")
    }

    /// Whether a selection's `name` holds a quote at all (NVivo leaves it empty).
    static func quote(from name: String?) -> String? {
        guard let name, !normalized(name).isEmpty else { return nil }
        return name
    }
}

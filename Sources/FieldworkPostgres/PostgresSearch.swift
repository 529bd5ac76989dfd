import FieldworkCore
import Foundation

/// Full-text search on PostgreSQL: `tsvector` per segment, in its document's language.
enum PostgresSearch {
    /// The configurations `PostgresSchema.textSearch` creates, one per indexed language.
    static let configurations = ["fieldwork_sv", "fieldwork_en", "fieldwork_simple"]

    /// Swedish and English are stemmed (`natten` also finds `natt`); other languages, and
    /// documents without one, are indexed word for word.
    static func configuration(language: String?) -> String {
        switch language?.lowercased().prefix(2) {
        case "sv": "fieldwork_sv"
        case "en": "fieldwork_en"
        default: "fieldwork_simple"
        }
    }

    /// A segment's text as the index reads it: every scalar that is not a letter, digit or mark
    /// becomes a space, as FTS5's tokenizer and `SearchQuery` split words. Without it,
    /// PostgreSQL's parser keeps `need.safety.home` or `a@b.se` as one token, and `safety`
    /// would not find it. (The snippet is still cut from the text itself.)
    static func indexedWords(_ text: String) -> String {
        var words = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            let isWordPart = properties.isAlphabetic || properties.numericType != nil
                || properties.generalCategory == .nonspacingMark
            words.append(isWordPart ? scalar : " ")
        }
        return String(words)
    }

    /// The `to_tsquery` text of a query: every term must occur; a term of several words (a
    /// quoted phrase, or `hem-tjänst`) is a phrase; `prefix*` matches word beginnings. Terms hold
    /// only letters, digits and marks (`SearchQuery` made them so), and each word is quoted
    /// besides, so nothing typed is tsquery syntax.
    static func tsquery(_ query: SearchQuery) -> String {
        query.terms.map { term in
            let words = term.text.split(separator: " ").map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }
            let phrase = words.joined(separator: " <-> ")
            return term.isPrefix ? phrase + ":*" : phrase
        }.joined(separator: " & ")
    }
}

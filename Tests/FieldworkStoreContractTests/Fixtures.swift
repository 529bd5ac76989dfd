import FieldworkCore
import Foundation
import Testing

/// Small documents and codings the contract tests store.
enum Fixtures {
    /// A note whose paragraphs (separated by blank lines) are its segments.
    static func change(_ id: String, text: String, hash: String, language: String? = "sv",
                       participants: [String] = []) -> DocumentChange {
        let segments = Segmenter(type: .note).segment(text.components(separatedBy: "\n\n").enumerated().map {
            TextBlock(kind: .paragraph, text: $1, lineStart: $0 * 2 + 1, lineEnd: $0 * 2 + 1)
        })
        return DocumentChange(
            file: SourceFileState(path: "corpus/\(id).md", contentHash: hash, documentID: id, parserVersion: 1),
            metadata: DocumentMetadata(id: id, type: .note, title: "T \(id)", language: language, participants: participants),
            text: segments)
    }

    static func span(of quote: String, in text: String) throws -> Range<Int> {
        let scalars = ScalarText(text)
        let start = try #require(scalars.occurrences(of: Array(quote.unicodeScalars)).first)
        return start..<(start + quote.unicodeScalars.count)
    }

    static func coding(_ id: String, in text: String, span: Range<Int>, document: String = "n1", code: String = "need",
                       coder: String = "Anna") -> Coding {
        Coding(id: id, documentID: document, codeID: code, coder: coder, memo: nil,
               anchor: TextQuoteAnchor(span: span, in: ScalarText(text)), createdAt: Coding.timestamp())
    }
}

import FieldworkCore

/// Everything a document page shows: text, segments, codings and the codebook they refer to.
public struct DocumentView: Sendable {
    public var document: StoredDocument
    public var text: ScalarText
    public var segments: [Segment]
    public var codings: [Coding]
    public var codebook: Codebook

    public static func load(_ id: String, from store: any FieldworkStore) async throws -> DocumentView? {
        guard let document = try await store.document(id: id) else { return nil }
        return DocumentView(document: document, text: ScalarText(document.plainText),
                            segments: try await store.segments(documentID: id),
                            codings: try await store.codings(CodingFilter(documentID: id)),
                            codebook: try await store.codebook())
    }
}

/// Share of a document's segment text covered by at least one anchored coding, 0...1.
public enum CodedShare {
    public static func of(segments: [Segment], codings: [Coding]) -> Double {
        let total = segments.reduce(0) { $0 + ($1.end - $1.start) }
        guard total > 0 else { return 0 }
        let spans = codings.filter { $0.status == .anchored }.map(\.anchor.span).sorted { $0.lowerBound < $1.lowerBound }
        var covered = 0
        var reach = 0
        for span in spans {
            let start = max(span.lowerBound, reach)
            if span.upperBound > start { covered += span.upperBound - start }
            reach = max(reach, span.upperBound)
        }
        return min(1, Double(covered) / Double(total))
    }
}

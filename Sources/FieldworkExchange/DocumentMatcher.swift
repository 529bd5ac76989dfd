import FieldworkCore

/// Finds the Fieldwork document a source from another tool is, by its text: the source's
/// canonical plain text must equal the document's plain text exactly. Names are no guide (tools
/// rename sources freely), so they only break a tie between documents with the same text.
struct DocumentMatcher: Sendable {
    enum Match: Sendable, Equatable {
        case document(String)
        case none
        case ambiguous([String])
    }

    /// Plain text → ids of the documents with exactly that text (scalar for scalar).
    private var idsByText: [[Unicode.Scalar]: [String]]
    private var titles: [String: String]
    private(set) var texts: [String: ScalarText]

    init(_ documents: [StoredDocument]) {
        var idsByText: [[Unicode.Scalar]: [String]] = [:]
        var texts: [String: ScalarText] = [:]
        for document in documents {
            let text = ScalarText(document.plainText)
            texts[document.metadata.id] = text
            // Keyed by scalars: String's own equality treats canonically equivalent texts as equal.
            idsByText[text.scalars, default: []].append(document.metadata.id)
        }
        self.idsByText = idsByText.mapValues { $0.sorted() }
        self.texts = texts
        titles = Dictionary(uniqueKeysWithValues: documents.map { ($0.metadata.id, $0.metadata.title) })
    }

    static func load(from store: any FieldworkStore) async throws -> DocumentMatcher {
        var documents: [StoredDocument] = []
        for summary in try await store.documents() {
            if let document = try await store.document(id: summary.metadata.id) { documents.append(document) }
        }
        return DocumentMatcher(documents)
    }

    /// A document the import creates: later sources with its text map to it.
    mutating func add(id: String, title: String, text: String) {
        let scalars = ScalarText(text)
        texts[id] = scalars
        titles[id] = title
        idsByText[scalars.scalars, default: []].append(id)
    }

    func match(text: String, name: String?) -> Match {
        let ids = idsByText[Array(text.unicodeScalars)] ?? []
        if ids.count == 1 { return .document(ids[0]) }
        if ids.isEmpty { return .none }
        let named = ids.filter { $0 == name || titles[$0] == name }
        return named.count == 1 ? .document(named[0]) : .ambiguous(ids)
    }
}

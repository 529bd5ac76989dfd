import FieldworkCore

/// A document's text, segments and attribution rule, loaded once per document while a read
/// walks many codings (retrieval, the needs register, the matrix).
struct DocumentContextCache {
    struct Entry {
        let document: StoredDocument
        let text: ScalarText
        let segments: [Segment]
        let attributor: PassageAttributor

        /// The segment a coding belongs to: the last one starting at or before it.
        func segment(of coding: Coding) -> Segment? {
            segments.last { $0.start <= coding.start }
        }

        func attribution(of segment: Segment?) -> Attribution {
            attributor.attribute(segment, text: segment.map { text[$0.span] } ?? "")
        }
    }

    let store: any FieldworkStore
    let known: Set<String>
    private var entries: [String: Entry?] = [:]

    init(store: any FieldworkStore, known: Set<String>) {
        self.store = store
        self.known = known
    }

    /// Forgets every other document (a read that walks codings in document order needs one).
    mutating func keepOnly(_ documentID: String) {
        if entries[documentID] == nil { entries.removeAll(keepingCapacity: true) }
    }

    mutating func entry(_ documentID: String) async throws -> Entry? {
        if let cached = entries[documentID] { return cached }
        var entry: Entry?
        if let document = try await store.document(id: documentID) {
            let text = ScalarText(document.plainText)
            let segments = try await store.segments(documentID: documentID)
            entry = Entry(document: document, text: text, segments: segments,
                          attributor: PassageAttributor(segments: segments, text: text, known: known))
        }
        entries[documentID] = entry
        return entry
    }
}

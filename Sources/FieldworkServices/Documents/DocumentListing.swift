import FieldworkCore

/// The documents list with the share of each that is coded.
public struct DocumentListing: Sendable {
    public struct Entry: Sendable {
        public var summary: DocumentSummary
        public var codedShare: Double
    }

    /// Which documents the list shows: every given field must match (`text` is in the title,
    /// ignoring case, or in the id).
    public struct Filter: Sendable {
        public var type: String?
        public var language: String?
        public var administration: String?
        public var text: String?

        public init(type: String? = nil, language: String? = nil, administration: String? = nil, text: String? = nil) {
            self.type = type
            self.language = language
            self.administration = administration
            self.text = text
        }

        public func matches(_ metadata: DocumentMetadata) -> Bool {
            (type.map { metadata.type.rawValue == $0 } ?? true)
                && (language.map { metadata.language == $0 } ?? true)
                && (administration.map { value in metadata.administrations.contains { $0.rawValue == value } } ?? true)
                && (text.map { metadata.title.lowercased().contains($0.lowercased()) || metadata.id.contains($0) } ?? true)
        }
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func summaries() async throws -> [Entry] {
        let codings = Dictionary(grouping: try await store.codings(CodingFilter()), by: \.documentID)
        var entries: [Entry] = []
        for summary in try await store.documents() {
            let id = summary.metadata.id
            let documentCodings = codings[id] ?? []
            let share = documentCodings.isEmpty
                ? 0 : CodedShare.of(segments: try await store.segments(documentID: id), codings: documentCodings)
            entries.append(Entry(summary: summary, codedShare: share))
        }
        return entries
    }
}

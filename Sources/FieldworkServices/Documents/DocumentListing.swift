import FieldworkCore

/// The documents list with the share of each that is coded.
public struct DocumentListing: Sendable {
    public struct Entry: Sendable {
        public var summary: DocumentSummary
        public var codedShare: Double
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

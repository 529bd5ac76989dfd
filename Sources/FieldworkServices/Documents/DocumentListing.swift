import FieldworkCore

/// The documents list with the share of each that is coded, a page at a time: the store filters,
/// counts and pages, so a page costs its own documents, not the corpus.
public struct DocumentListing: Sendable {
    public struct Entry: Sendable {
        public var summary: DocumentSummary
        public var codedShare: Double
    }

    public typealias Filter = DocumentFilter

    /// Entries `offset..<offset + limit` of those the filter lets through.
    public struct Page: Sendable {
        public var entries: [Entry]
        public var offset: Int
        public var limit: Int
        /// How many the filter lets through, how many documents there are, and their languages.
        public var matching: Int
        public var total: Int
        public var languages: [String]

        /// Whether entries follow this page.
        public var more: Bool { offset + entries.count < matching }
    }

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func page(_ filter: Filter = Filter(), offset: Int = 0, limit: Int) async throws -> Page {
        let page = try await store.documents(filter, offset: offset, limit: limit)
        var entries: [Entry] = []
        for summary in page.summaries {
            let id = summary.metadata.id
            // Only a coded document needs its codings and segments for the share.
            let share = summary.codings == 0 ? 0
                : CodedShare.of(segments: try await store.segments(documentID: id),
                                codings: try await store.codings(CodingFilter(documentID: id)))
            entries.append(Entry(summary: summary, codedShare: share))
        }
        return Page(entries: entries, offset: offset, limit: limit, matching: page.matching, total: page.total, languages: page.languages)
    }
}

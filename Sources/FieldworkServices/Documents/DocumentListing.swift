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
        // Only coded documents have a share; one read for the page's.
        let coverage = try await store.codingCoverage(documentIDs: page.summaries.filter { $0.codings > 0 }.map(\.metadata.id))
        let entries = page.summaries.map { Entry(summary: $0, codedShare: coverage[$0.metadata.id]?.share ?? 0) }
        return Page(entries: entries, offset: offset, limit: limit, matching: page.matching, total: page.total, languages: page.languages)
    }
}

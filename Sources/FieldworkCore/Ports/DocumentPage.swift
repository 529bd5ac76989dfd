/// Which documents a list shows: every given field must match (`text` is in the title, ignoring
/// case, or in the id). The store applies it, so a page of the list costs the page, not the corpus.
public struct DocumentFilter: Sendable, Hashable {
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

    /// The same rule in Swift (the contract tests hold both stores to it).
    public func matches(_ metadata: DocumentMetadata) -> Bool {
        (type.map { metadata.type.rawValue == $0 } ?? true)
            && (language.map { metadata.language == $0 } ?? true)
            && (administration.map { value in metadata.administrations.contains { $0.rawValue == value } } ?? true)
            && (text.map { metadata.title.lowercased().contains($0.lowercased()) || metadata.id.contains($0) } ?? true)
    }
}

/// One page of the documents list, in the list's order (date, then id).
public struct DocumentPage: Sendable, Hashable {
    /// The documents `offset..<offset + limit` of those the filter lets through.
    public var summaries: [DocumentSummary]
    /// How many documents the filter lets through, and how many there are in all.
    public var matching: Int
    public var total: Int
    /// Every document language, sorted (the language filter's options).
    public var languages: [String]

    public init(summaries: [DocumentSummary], matching: Int, total: Int, languages: [String]) {
        self.summaries = summaries
        self.matching = matching
        self.total = total
        self.languages = languages
    }
}

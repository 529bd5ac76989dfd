/// What a person saw when they chose a span: the document revision their page showed and the
/// words they selected.
///
/// A page opened before a re-ingest still counts offsets in the old text; sent alone, those
/// offsets land on other words. With the revision and the words, a write on an outdated page
/// is accepted only if the offsets still hold those words, and refused otherwise.
public struct SeenText: Sendable, Hashable {
    public var revision: Int
    /// The selected text as the page showed it (nil: the client sent none).
    public var quote: String?

    public init(revision: Int, quote: String?) {
        self.revision = revision
        self.quote = quote
    }

    /// Whether a span chosen on this revision may be stored where `current` now holds `quote`.
    /// Same revision: yes. Older or newer: only when the selected words are the words there now,
    /// compared with white space collapsed (a page shows a paragraph break as one line break).
    public func stillMeans(_ quote: String?, currentRevision: Int) -> Bool {
        if revision == currentRevision { return true }
        guard let seen = self.quote, let quote else { return false }
        return Self.collapsed(seen) == Self.collapsed(quote)
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

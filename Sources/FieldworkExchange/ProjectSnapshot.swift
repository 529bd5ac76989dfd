import FieldworkCore
import Foundation

/// Everything a project export needs, read from the store once and put in a fixed order, so
/// that the same workspace always yields the same file.
struct ProjectSnapshot: Sendable {
    var name: String
    /// By id.
    var documents: [StoredDocument]
    var codebook: Codebook
    /// Anchored codings by document, start, id. Orphans have no valid place in today's text.
    var codings: [Coding]
    var orphansSkipped: Int
    /// By id.
    var participants: [Participant]
    /// Analytic memos by creation time, then id.
    var memos: [Memo]

    static func read(from store: any FieldworkStore, name: String) async throws -> ProjectSnapshot {
        var documents: [StoredDocument] = []
        for summary in try await store.documents().sorted(by: { $0.metadata.id < $1.metadata.id }) {
            if let document = try await store.document(id: summary.metadata.id) { documents.append(document) }
        }
        let all = try await store.codings(CodingFilter())
        let codings = all.filter { $0.status == .anchored }
            .sorted { ($0.documentID, $0.start, $0.id) < ($1.documentID, $1.start, $1.id) }
        return ProjectSnapshot(
            name: name, documents: documents, codebook: try await store.codebook(), codings: codings,
            orphansSkipped: all.count - codings.count,
            participants: try await store.participants().sorted { $0.id < $1.id },
            memos: try await store.memos(target: nil, targetID: nil).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) })
    }

    /// Everyone who coded or wrote a memo, sorted: the project's users.
    var users: [String] {
        Set(codings.map(\.coder) + memos.map(\.author)).sorted()
    }

    /// Who made the first coding or memo, and when; and when anything was last changed.
    var history: (creator: String, created: Date, modified: Date)? {
        let events = codings.map { ($0.createdAt, $0.coder, $0.updatedAt) } + memos.map { ($0.createdAt, $0.author, $0.updatedAt) }
        guard let first = events.min(by: { ($0.0, $0.1) < ($1.0, $1.1) }),
              let modified = events.map(\.2).max() else { return nil }
        return (first.1, first.0, modified)
    }
}

import FieldworkCore
import GRDB

extension SQLiteStore {
    public func documentOpen(_ request: DocumentOpenRequest) async throws -> DocumentOpenRead? {
        try await writer.read { db in
            let id = request.documentID
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT revision, ingested_at, (SELECT revision FROM codebook_revision) AS codebook_revision FROM document WHERE id = ?
                """),
                                             arguments: [id]) else { return nil }
            let stamp = DocumentStamp(revision: row["revision"], ingestedAt: row["ingested_at"])
            let codebookRevision: Int = row["codebook_revision"]
            var content: DocumentContent?
            if stamp != request.held {
                guard let document = try DocumentRow.document(id, db) else { return nil }
                content = DocumentContent(document: document, segments: try DocumentRow.segments(id, db))
            }
            return DocumentOpenRead(
                stamp: stamp, content: content,
                codings: request.codings ? try CodingRow.fetchCodings(db, filter: CodingFilter(documentID: id)) : [],
                codebook: request.codings && request.heldCodebook != codebookRevision ? try Self.codebook(db) : nil,
                codebookRevision: codebookRevision,
                memos: request.codings ? try Self.memos(target: .document, targetID: id, db) : [],
                participants: try Self.participants(ids: request.participantIDs, db))
        }
    }
}

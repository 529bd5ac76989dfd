import FieldworkCore
import GRDB

extension SQLiteStore {
    public func documentOpen(_ request: DocumentOpenRequest) async throws -> DocumentOpenRead? {
        guard let opens = database.unchangedOpens, let version = opens.version() else { return try await read(request) }
        if let unchanged = opens.answer(request, at: version) { return unchanged }
        let read = try await read(request)
        opens.keep(read, of: request.documentID, at: version)
        return read
    }

    /// One read transaction, on the calling thread when a connection is free at once: it takes
    /// tens of microseconds, less than the two thread switches of handing it to GRDB's reader
    /// queue and back (measured: 17 % of an open's server CPU). Otherwise through the pool,
    /// asynchronously: a thread never waits here for another task's read (`ImmediateReaders`).
    private func read(_ request: DocumentOpenRequest) async throws -> DocumentOpenRead? {
        if let readers = database.immediateReaders, let read = try readers.tryRead({ db in try Self.openRead(request, db) }) {
            return read
        }
        return try await writer.read { db in try Self.openRead(request, db) }
    }

    private static func openRead(_ request: DocumentOpenRequest, _ db: Database) throws -> DocumentOpenRead? {
        let id = request.documentID
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT revision, ingested_at, (SELECT revision FROM codebook_revision) AS codebook_revision,
                (SELECT revision FROM register_revision) AS register_revision,
                coalesce((SELECT revision FROM document_annotation_revision WHERE document_id = ?1), 0) AS annotation_revision
            FROM document WHERE id = ?1
            """),
                                         arguments: [id]) else { return nil }
        let stamp = DocumentStamp(revision: row["revision"], ingestedAt: row["ingested_at"])
        let codebookRevision: Int = row["codebook_revision"]
        let annotationRevision: Int = row["annotation_revision"]
        let registerRevision: Int = row["register_revision"]
        var content: DocumentContent?
        if stamp != request.held {
            guard let document = try DocumentRow.document(id, db) else { return nil }
            content = DocumentContent(document: document, segments: try DocumentRow.segments(id, db))
        }
        var annotations: DocumentAnnotations?
        if request.codings && request.heldAnnotations != annotationRevision {
            annotations = DocumentAnnotations(revision: annotationRevision,
                                              codings: try CodingRow.fetchCodings(db, filter: CodingFilter(documentID: id)),
                                              memos: try Self.memos(target: .document, targetID: id, db))
        }
        return DocumentOpenRead(
            stamp: stamp, content: content,
            codebook: request.codings && request.heldCodebook != codebookRevision ? try Self.codebook(db) : nil,
            codebookRevision: codebookRevision, annotationRevision: annotationRevision, annotations: annotations,
            registerRevision: registerRevision,
            participants: request.heldRegister == registerRevision ? nil : try Self.participants(ids: request.participantIDs, db))
    }
}

import FieldworkCore
import PostgresNIO

extension PostgresStore {
    /// One connection checkout and one snapshot for everything a document open reads: the
    /// round trips of separate reads (BEGIN, query, COMMIT each) were most of its time.
    public func documentOpen(_ request: DocumentOpenRequest) async throws -> DocumentOpenRead? {
        try await read { connection in
            let id = request.documentID
            guard let row = try await connection.row("""
                SELECT revision, ingested_at, (SELECT revision FROM codebook_revision) AS codebook_revision,
                    (SELECT revision FROM register_revision) AS register_revision,
                    coalesce((SELECT revision FROM document_annotation_revision WHERE document_id = \(id)), 0) AS annotation_revision
                FROM document WHERE id = \(id)
                """, logger) else {
                return nil
            }
            let stamp = DocumentStamp(revision: try row.get("revision"), ingestedAt: try row.get("ingested_at"))
            let codebookRevision = Int(try row.get("codebook_revision", as: Int64.self))
            let annotationRevision = Int(try row.get("annotation_revision", as: Int64.self))
            let registerRevision = Int(try row.get("register_revision", as: Int64.self))
            var content: DocumentContent?
            if stamp != request.held {
                guard let document = try await document(id, connection) else { return nil }
                content = DocumentContent(document: document, segments: try await segments(id, connection))
            }
            var annotations: DocumentAnnotations?
            if request.codings && request.heldAnnotations != annotationRevision {
                annotations = DocumentAnnotations(
                    revision: annotationRevision,
                    codings: try await PostgresCodingRow.fetchCodings(connection, logger, filter: CodingFilter(documentID: id)),
                    memos: try await memos(target: .document, targetID: id, connection))
            }
            return DocumentOpenRead(
                stamp: stamp, content: content,
                codebook: request.codings && request.heldCodebook != codebookRevision ? try await codebook(connection) : nil,
                codebookRevision: codebookRevision, annotationRevision: annotationRevision, annotations: annotations,
                registerRevision: registerRevision,
                participants: request.heldRegister == registerRevision ? nil : try await participants(ids: request.participantIDs, connection))
        }
    }
}

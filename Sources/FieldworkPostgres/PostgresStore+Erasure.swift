import FieldworkCore
import Foundation
import PostgresNIO

/// Erasure (GDPR art. 17) on PostgreSQL: the same rows go as in the SQLite store.
extension PostgresStore {
    public func erase(_ plan: StoreErasure) async throws -> StoreErasure.Deleted {
        try await writeTakingLocks { connection in
            // A telemetry import stores its readings in one long transaction without the
            // writer's lock: wait for it, so that no reading of the participant lands after
            // this. The import's order (import lock, then the writer's), so neither waits for
            // the other forever.
            try await lock(Self.telemetryImportLockKey, connection)
            try await lock(Self.writeLockKey, connection)
            var deleted = StoreErasure.Deleted()
            for (documentID, spans) in plan.passages.sorted(by: { $0.key < $1.key }) {
                for span in spans {
                    let start = span.lowerBound, end = span.upperBound
                    deleted.codings += try await deleteCodings(connection, """
                        document_id = \(documentID) AND ((start < \(end) AND "end" > \(start))
                          OR (status = 'orphaned' AND quote <> '' AND strpos(
                                substr((SELECT plain_text FROM document WHERE id = \(documentID)),
                                       (\(start) + 1)::integer, (\(end) - \(start))::integer),
                                quote) > 0))
                        """)
                }
            }
            for id in plan.documentIDs {
                deleted.codings += try await deleteCodings(connection, "document_id = \(id)")
                let memos = try await connection.rows("""
                    WITH gone AS (DELETE FROM memo WHERE target = 'document' AND target_id = \(id) RETURNING id, created_at)
                    SELECT id FROM gone ORDER BY created_at COLLATE "C", id COLLATE "C"
                    """, logger).map { try $0.get("id", as: String.self) }
                try await connection.run("DELETE FROM ledger_seen WHERE id = ANY(\(memos))", logger)
                deleted.memoIDs += memos
                // The segments hold their words (`words`): they go with their rows, index entries included.
                try await connection.run("DELETE FROM segment WHERE document_id = \(id)", logger)
                try await connection.run("DELETE FROM document_participant WHERE document_id = \(id)", logger)
                try await connection.run("DELETE FROM source_file WHERE document_id = \(id)", logger)
                try await connection.run("DELETE FROM document WHERE id = \(id)", logger)
            }
            let participant = plan.participantID
            try await connection.run("DELETE FROM document_participant WHERE participant_id = \(participant)", logger)
            try await connection.run("DELETE FROM participant WHERE id = \(participant)", logger)  // consents cascade
            let devices = try await connection.rows("""
                SELECT id, name FROM telemetry_device WHERE participant_id = \(participant) ORDER BY name COLLATE "C"
                """, logger)
            deleted.devices = try devices.map { try $0.get("name", as: String.self) }
            let ids = try devices.map { try $0.get("id", as: Int64.self) }
            try await connection.run("DELETE FROM reading WHERE device_id = ANY(\(ids))", logger)
            try await connection.run("DELETE FROM reading_day WHERE device_id = ANY(\(ids))", logger)
            try await connection.run("DELETE FROM telemetry_device WHERE id = ANY(\(ids))", logger)
            return deleted
        }
    }

    /// Deletes the codings `condition` picks, with their ledger bookkeeping; returns them in
    /// document order.
    private func deleteCodings(_ connection: PostgresConnection, _ condition: PostgresQuery) async throws -> [StoreErasure.Deleted.DeletedCoding] {
        var query = PostgresQuery(unsafeSQL: "WITH gone AS (DELETE FROM coding WHERE ")
        query.sql += condition.sql
        query.sql += #" RETURNING id, document_id, code_id, coder, start) SELECT * FROM gone ORDER BY start, id COLLATE "C""#
        query.binds = condition.binds
        let codings = try await connection.rows(query, logger).map {
            StoreErasure.Deleted.DeletedCoding(id: try $0.get("id"), documentID: try $0.get("document_id"),
                                               codeID: try $0.get("code_id"), coder: try $0.get("coder"))
        }
        try await connection.run("DELETE FROM ledger_seen WHERE id = ANY(\(codings.map(\.id)))", logger)
        return codings
    }

    public func refreshCodingContext(documentIDs: [String]) async throws {
        try await write { connection in
            // substr counts Unicode scalars, like every offset; the context is 32 scalars a side.
            try await connection.run("""
                UPDATE coding c SET
                    prefix = substr(d.plain_text, (greatest(c.start - 32, 0) + 1)::integer, least(c.start, 32)::integer),
                    suffix = substr(d.plain_text, (c."end" + 1)::integer, 32)
                FROM document d
                WHERE d.id = c.document_id AND c.document_id = ANY(\(documentIDs)) AND c.status = 'anchored'
                """, logger)
        }
    }

    /// The tables an erasure and the re-ingest after it delete from or rewrite.
    static let erasedTables = ["coding", "ledger_seen", "memo", "segment", "document_participant", "source_file", "document",
                               "participant", "consent", "telemetry_device", "reading", "reading_day"]

    /// SQLite's `compact` rewrites the file without free pages so that deleted text is left in
    /// no page. A deleted or updated row in PostgreSQL stays in its page as a dead tuple until
    /// vacuumed, and a plain `VACUUM` only marks its space free for reuse, the bytes still
    /// there; `VACUUM FULL` writes each table (with its TOAST table, where long texts live) and
    /// its indexes (the `tsvector` index of the words too) into new files and drops the old,
    /// which is what SQLite's `VACUUM` and index rebuild do. It runs outside a transaction (it
    /// must) and locks one table at a time for the moment it is rewritten. The write-ahead log
    /// and any WAL archive or base backup keep the old rows until they are recycled or expire:
    /// the server's retention, as README's erasure section says of backups.
    public func compact() async throws {
        try await migrated()
        try await leased { connection in
            try await connection.run(PostgresQuery(unsafeSQL: "VACUUM (FULL, ANALYZE) " + Self.erasedTables.joined(separator: ", ")), logger)
        }
    }
}

import FieldworkCore
import GRDB

extension SQLiteStore {
    public func erase(_ plan: StoreErasure) async throws -> StoreErasure.Deleted {
        try await writer.write { db in
            // Freed pages are zeroed as they are freed, not left holding the old rows.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var deleted = StoreErasure.Deleted()
            func deleteCodings(where condition: String, _ arguments: StatementArguments) throws {
                let rows = try Row.fetchAll(db, sql: "SELECT id, document_id, code_id, coder FROM coding WHERE \(condition)", arguments: arguments)
                for row in rows {
                    let id: String = row["id"]
                    deleted.codings.append(.init(id: id, documentID: row["document_id"], codeID: row["code_id"], coder: row["coder"]))
                    try db.execute(sql: "DELETE FROM coding WHERE id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM ledger_seen WHERE id = ?", arguments: [id])
                }
            }
            for (documentID, spans) in plan.passages.sorted(by: { $0.key < $1.key }) {
                for span in spans {
                    try deleteCodings(where: """
                        document_id = :document AND ((start < :end AND "end" > :start)
                          OR (status = 'orphaned' AND quote <> '' AND instr(
                                substr((SELECT plain_text FROM document WHERE id = :document), :start + 1, :end - :start),
                                quote) > 0))
                        """, ["document": documentID, "start": span.lowerBound, "end": span.upperBound])
                }
            }
            for id in plan.documentIDs {
                try deleteCodings(where: "document_id = ?", [id])
                let memos = try String.fetchAll(db, sql: "SELECT id FROM memo WHERE target = 'document' AND target_id = ?", arguments: [id])
                for memo in memos {
                    try db.execute(sql: "DELETE FROM memo WHERE id = ?", arguments: [memo])
                    try db.execute(sql: "DELETE FROM ledger_seen WHERE id = ?", arguments: [memo])
                }
                deleted.memoIDs += memos
                if let text = try String.fetchOne(db, sql: "SELECT plain_text FROM document WHERE id = ?", arguments: [id]) {
                    try DocumentRow.unindexSegments(of: id, text: text, db)
                }
                try db.execute(sql: "DELETE FROM segment WHERE document_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM document_participant WHERE document_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM source_file WHERE document_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
            }
            try db.execute(sql: "DELETE FROM document_participant WHERE participant_id = ?", arguments: [plan.participantID])
            try db.execute(sql: "DELETE FROM participant WHERE id = ?", arguments: [plan.participantID])
            deleted.devices = try String.fetchAll(db, sql: "SELECT name FROM telemetry_device WHERE participant_id = ? ORDER BY name",
                                                  arguments: [plan.participantID])
            let devices = "SELECT id FROM telemetry_device WHERE participant_id = ?"
            try db.execute(sql: "DELETE FROM reading WHERE device_id IN (\(devices))", arguments: [plan.participantID])
            try db.execute(sql: "DELETE FROM reading_day WHERE device_id IN (\(devices))", arguments: [plan.participantID])
            try db.execute(sql: "DELETE FROM telemetry_device WHERE participant_id = ?", arguments: [plan.participantID])
            return deleted
        }
    }

    public func refreshCodingContext(documentIDs: [String]) async throws {
        try await writer.write { db in
            for id in documentIDs {
                // substr counts Unicode scalars, like every offset; the context is 32 scalars a side.
                try db.execute(sql: """
                    UPDATE coding SET
                        prefix = substr((SELECT plain_text FROM document WHERE id = :document), max(start - 32, 0) + 1, min(start, 32)),
                        suffix = substr((SELECT plain_text FROM document WHERE id = :document), "end" + 1, 32)
                    WHERE document_id = :document AND status = 'anchored'
                    """, arguments: ["document": id])
            }
        }
    }

    public func compact() async throws {
        try await writer.write { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            try db.execute(sql: "INSERT INTO segment_fts(segment_fts) VALUES ('delete-all')")
            let documents = try Row.fetchAll(db, sql: "SELECT id, plain_text FROM document")
            for document in documents {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, start, "end" FROM segment WHERE document_id = ? ORDER BY start, id
                    """, arguments: [document[0] as String])
                try DocumentRow.index(rows, text: document[1], db)
            }
            try db.execute(sql: "INSERT INTO segment_fts(segment_fts) VALUES ('optimize')")
        }
        try await writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}

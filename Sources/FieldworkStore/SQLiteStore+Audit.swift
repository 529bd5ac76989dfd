import FieldworkCore
import GRDB

extension SQLiteStore {
    public func auditHead() async throws -> AuditHead? {
        try await writer.read { db in
            try Row.decodeOne(db, sql: "SELECT seq, hash FROM audit_head WHERE id = 1") { AuditHead(seq: $0["seq"], hash: $0["hash"]) }
        }
    }

    public func recordAuditHead(_ head: AuditHead) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
                """, arguments: [head.seq, head.hash])
        }
    }
}

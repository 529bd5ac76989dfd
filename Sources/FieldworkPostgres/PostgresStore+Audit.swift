import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func auditHead() async throws -> AuditHead? {
        try await read { connection in
            try await connection.row("SELECT seq, hash FROM audit_head WHERE id = 1", logger).map {
                AuditHead(seq: try $0.get("seq"), hash: try $0.get("hash"))
            }
        }
    }

    public func recordAuditHead(_ head: AuditHead) async throws {
        try await write { connection in
            try await connection.run("""
                INSERT INTO audit_head (id, seq, hash) VALUES (1, \(head.seq), \(head.hash))
                ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
                """, logger)
        }
    }
}

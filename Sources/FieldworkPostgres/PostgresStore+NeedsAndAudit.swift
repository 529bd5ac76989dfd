import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func needLinks(needID: String?) async throws -> [NeedSolutionLink] {
        try await read { connection in
            try await connection.rows("""
                SELECT need_id, solution_id, rationale, status, linked_by, linked_at FROM need_link
                WHERE \(needID)::text IS NULL OR need_id = \(needID)
                ORDER BY need_id COLLATE "C", solution_id COLLATE "C"
                """, logger).map(Self.needLink(from:))
        }
    }

    public func removeNeedLink(needID: String, solutionID: String) async throws -> NeedSolutionLink? {
        try await write { connection in
            try await connection.row("""
                DELETE FROM need_link WHERE need_id = \(needID) AND solution_id = \(solutionID)
                RETURNING need_id, solution_id, rationale, status, linked_by, linked_at
                """, logger).map(Self.needLink(from:))
        }
    }

    public func saveNeedLink(_ link: NeedSolutionLink) async throws {
        try await write { connection in
            try await connection.run("""
                INSERT INTO need_link (need_id, solution_id, rationale, status, linked_by, linked_at)
                VALUES (\(link.needID), \(link.solutionID), \(link.rationale), \(link.status.rawValue), \(link.linkedBy),
                        \(PostgresTimestamp.text(link.linkedAt)))
                ON CONFLICT (need_id, solution_id) DO UPDATE SET rationale = excluded.rationale, status = excluded.status,
                    linked_by = excluded.linked_by, linked_at = excluded.linked_at
                """, logger)
        }
    }

    private static func needLink(from row: PostgresRandomAccessRow) throws -> NeedSolutionLink {
        NeedSolutionLink(needID: try row.get("need_id"), solutionID: try row.get("solution_id"),
                         rationale: try row.get("rationale"), status: try row.value("status", of: "need_link"),
                         linkedBy: try row.get("linked_by"), linkedAt: try row.date("linked_at", of: "need_link"))
    }

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

import FieldworkCore
import Foundation
import PostgresNIO

/// Need–solution links (`NeedsStore`), as the SQLite store keeps them.
extension PostgresStore {
    public func needLinks(needID: String?) async throws -> [NeedSolutionLink] {
        try await read { connection in
            try await connection.rows("""
                SELECT need_id, solution_id, rationale, status, linked_by, linked_at FROM need_link
                WHERE removed_at IS NULL AND (\(needID)::text IS NULL OR need_id = \(needID))
                ORDER BY need_id COLLATE "C", solution_id COLLATE "C"
                """, logger).map(Self.needLink(from:))
        }
    }

    public func removeNeedLink(needID: String, solutionID: String, removal: LedgerRecord.Removal) async throws -> NeedSolutionLink? {
        try await write { connection in
            try await connection.row("""
                UPDATE need_link SET removed_at = \(PostgresTimestamp.text(removal.at)), removed_by = \(removal.by)
                WHERE need_id = \(needID) AND solution_id = \(solutionID) AND removed_at IS NULL
                RETURNING need_id, solution_id, rationale, status, linked_by, linked_at
                """, logger).map(Self.needLink(from:))
        }
    }

    public func saveNeedLink(_ link: NeedSolutionLink) async throws {
        try await write { connection in try await upsert(LedgerRecord.NeedLinkEntry(link), connection) }
    }

    public func needLinkRecords() async throws -> [LedgerRecord.NeedLinkEntry] {
        try await read { connection in
            try await connection.rows("""
                SELECT need_id, solution_id, rationale, status, linked_by, linked_at, removed_at, removed_by FROM need_link
                ORDER BY need_id COLLATE "C", solution_id COLLATE "C"
                """, logger).map { row in
                var entry = LedgerRecord.NeedLinkEntry(try Self.needLink(from: row))
                if let at = try row.optionalDate("removed_at", of: "need_link") {
                    guard let by = try row.get("removed_by", as: String?.self) else {
                        throw CorruptPostgresRow(table: "need_link", column: "removed_by", value: "NULL")
                    }
                    entry.removed = LedgerRecord.Removal(at: at, by: by)
                }
                return entry
            }
        }
    }

    public func applyNeedLinks(_ entries: [LedgerRecord.NeedLinkEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await write { connection in
            for entry in entries { try await upsert(entry, connection) }
        }
    }

    private func upsert(_ entry: LedgerRecord.NeedLinkEntry, _ connection: PostgresConnection) async throws {
        try await connection.run("""
            INSERT INTO need_link (need_id, solution_id, rationale, status, linked_by, linked_at, removed_at, removed_by)
            VALUES (\(entry.need), \(entry.solution), \(entry.rationale), \(entry.status.rawValue), \(entry.linkedBy),
                    \(PostgresTimestamp.text(entry.linkedAt)), \(entry.removed.map { PostgresTimestamp.text($0.at) }),
                    \(entry.removed?.by))
            ON CONFLICT (need_id, solution_id) DO UPDATE SET rationale = excluded.rationale, status = excluded.status,
                linked_by = excluded.linked_by, linked_at = excluded.linked_at,
                removed_at = excluded.removed_at, removed_by = excluded.removed_by
            """, logger)
    }

    private static func needLink(from row: PostgresRandomAccessRow) throws -> NeedSolutionLink {
        NeedSolutionLink(needID: try row.get("need_id"), solutionID: try row.get("solution_id"),
                         rationale: try row.get("rationale"), status: try row.value("status", of: "need_link"),
                         linkedBy: try row.get("linked_by"), linkedAt: try row.date("linked_at", of: "need_link"))
    }
}

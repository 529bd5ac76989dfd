import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func needLinks(needID: String?) async throws -> [NeedSolutionLink] {
        try await writer.read { db in
            var sql = "SELECT * FROM need_link WHERE removed_at IS NULL"
            var arguments = StatementArguments()
            if let needID {
                sql += " AND need_id = ?"
                arguments = [needID]
            }
            return try Row.decodeAll(db, sql: sql + " ORDER BY need_id, solution_id", arguments: arguments, Self.needLink(from:))
        }
    }

    public func removeNeedLink(needID: String, solutionID: String, removal: LedgerRecord.Removal) async throws -> NeedSolutionLink? {
        // Read and mark in one transaction: the link returned is the one removed.
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM need_link WHERE need_id = ? AND solution_id = ? AND removed_at IS NULL
                """, arguments: [needID, solutionID]) else { return nil }
            try db.execute(sql: "UPDATE need_link SET removed_at = ?, removed_by = ? WHERE need_id = ? AND solution_id = ?",
                           arguments: [Timestamp.text(removal.at), removal.by, needID, solutionID])
            return try Self.needLink(from: row)
        }
    }

    public func saveNeedLink(_ link: NeedSolutionLink) async throws {
        try await writer.write { db in try Self.upsert(LedgerRecord.NeedLinkEntry(link), db) }
    }

    public func needLinkRecords() async throws -> [LedgerRecord.NeedLinkEntry] {
        try await writer.read { db in
            try Row.decodeAll(db, sql: "SELECT * FROM need_link ORDER BY need_id, solution_id") { row in
                var entry = LedgerRecord.NeedLinkEntry(try Self.needLink(from: row))
                if let at = try row.optionalDate("removed_at", of: "need_link") {
                    guard let by: String = row["removed_by"] else {
                        throw CorruptRow(table: "need_link", column: "removed_by", value: "NULL")
                    }
                    entry.removed = LedgerRecord.Removal(at: at, by: by)
                }
                return entry
            }
        }
    }

    public func applyNeedLinks(_ entries: [LedgerRecord.NeedLinkEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await writer.write { db in
            for entry in entries { try Self.upsert(entry, db) }
        }
    }

    private static func upsert(_ entry: LedgerRecord.NeedLinkEntry, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO need_link (need_id, solution_id, rationale, status, linked_by, linked_at, removed_at, removed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (need_id, solution_id) DO UPDATE SET rationale = excluded.rationale, status = excluded.status,
                linked_by = excluded.linked_by, linked_at = excluded.linked_at,
                removed_at = excluded.removed_at, removed_by = excluded.removed_by
            """, arguments: [entry.need, entry.solution, entry.rationale, entry.status.rawValue, entry.linkedBy,
                             Timestamp.text(entry.linkedAt), entry.removed.map { Timestamp.text($0.at) }, entry.removed?.by])
    }

    private static func needLink(from row: Row) throws -> NeedSolutionLink {
        NeedSolutionLink(needID: row["need_id"], solutionID: row["solution_id"], rationale: row["rationale"],
                         status: try row.value("status", of: "need_link"),
                         linkedBy: row["linked_by"], linkedAt: try row.date("linked_at", of: "need_link"))
    }
}

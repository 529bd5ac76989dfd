import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func needLinks(needID: String?) async throws -> [NeedSolutionLink] {
        try await writer.read { db in
            var sql = "SELECT * FROM need_link"
            var arguments = StatementArguments()
            if let needID {
                sql += " WHERE need_id = ?"
                arguments = [needID]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY need_id, solution_id", arguments: arguments).map(Self.needLink(from:))
        }
    }

    public func removeNeedLink(needID: String, solutionID: String) async throws -> NeedSolutionLink? {
        // Read and delete in one transaction: the link returned is the one removed.
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM need_link WHERE need_id = ? AND solution_id = ?",
                                             arguments: [needID, solutionID]) else { return nil }
            try db.execute(sql: "DELETE FROM need_link WHERE need_id = ? AND solution_id = ?", arguments: [needID, solutionID])
            return try Self.needLink(from: row)
        }
    }

    public func saveNeedLink(_ link: NeedSolutionLink) async throws {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO need_link (need_id, solution_id, rationale, status, linked_by, linked_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (need_id, solution_id) DO UPDATE SET rationale = excluded.rationale, status = excluded.status,
                    linked_by = excluded.linked_by, linked_at = excluded.linked_at
                """, arguments: [link.needID, link.solutionID, link.rationale, link.status.rawValue, link.linkedBy,
                                 Timestamp.text(link.linkedAt)])
        }
    }

    private static func needLink(from row: Row) throws -> NeedSolutionLink {
        NeedSolutionLink(needID: row["need_id"], solutionID: row["solution_id"], rationale: row["rationale"],
                         status: try row.value("status", of: "need_link"),
                         linkedBy: row["linked_by"], linkedAt: try row.date("linked_at", of: "need_link"))
    }
}

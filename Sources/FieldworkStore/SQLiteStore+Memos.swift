import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func memos(target: Memo.Target?, targetID: String?) async throws -> [Memo] {
        try await writer.read { db in try Self.memos(target: target, targetID: targetID, db) }
    }

    /// The memos not removed, oldest first, inside a read (a document open reads its memos too).
    static func memos(target: Memo.Target?, targetID: String?, _ db: Database) throws -> [Memo] {
        var sql = "SELECT * FROM memo WHERE removed_at IS NULL"
        var arguments = StatementArguments()
        if let target {
            sql += " AND target = ?"
            arguments += [target.rawValue]
        }
        if let targetID {
            sql += " AND target_id = ?"
            arguments += [targetID]
        }
        return try Row.decodeAll(db.cachedStatement(sql: sql + " ORDER BY created_at, id"), arguments: arguments, Self.memo(from:))
    }

    public func memo(id: String) async throws -> Memo? {
        try await writer.read { db in
            try Row.decodeOne(db, sql: "SELECT * FROM memo WHERE id = ? AND removed_at IS NULL", arguments: [id], Self.memo(from:))
        }
    }

    public func insertMemo(_ memo: Memo) async throws {
        try await writer.write { db in try Self.insertRow(memo, db) }
    }

    /// The row insert itself, shared with imports that write many memos in one transaction.
    static func insertRow(_ memo: Memo, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO memo (id, target, target_id, author, text, created_at, updated_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [memo.id, memo.target.rawValue, memo.targetID, memo.author, memo.text,
                             Timestamp.text(memo.createdAt), Timestamp.text(memo.updatedAt), memo.version])
    }

    public func updateMemo(_ memo: Memo) async throws {
        try await writer.write { db in
            let stored = try storedVersion(of: memo.id, in: .memo, db)
            guard stored == memo.version - 1 else {
                throw StoreError.staleVersion(id: memo.id, expected: memo.version - 1, actual: stored)
            }
            try db.execute(sql: "UPDATE memo SET text = ?, updated_at = ?, version = ? WHERE id = ?",
                           arguments: [memo.text, Timestamp.text(memo.updatedAt), memo.version, memo.id])
        }
    }

    public func removeMemo(id: String, by author: String, expectedVersion: Int?) async throws {
        try await writer.write { db in
            let stored = try storedVersion(of: id, in: .memo, db)
            if let expectedVersion, expectedVersion != stored {
                throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: stored)
            }
            try db.execute(sql: "UPDATE memo SET removed_at = ?, removed_by = ?, version = version + 1 WHERE id = ?",
                           arguments: [Timestamp.text(Date()), author, id])
        }
    }

    static func memo(from row: Row) throws -> Memo {
        Memo(id: row["id"], target: try row.value("target", of: "memo"), targetID: row["target_id"],
             author: row["author"], text: row["text"],
             createdAt: try row.date("created_at", of: "memo"),
             updatedAt: try row.optionalDate("updated_at", of: "memo"), version: row["version"])
    }
}

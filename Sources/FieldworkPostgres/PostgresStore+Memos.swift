import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    static let memoColumns = "id, target, target_id, author, text, created_at, updated_at, version, removed_at, removed_by"

    public func memos(target: Memo.Target?, targetID: String?) async throws -> [Memo] {
        try await read { connection in try await memos(target: target, targetID: targetID, connection) }
    }

    /// The memos not removed, oldest first, on a connection already held (a document open reads
    /// its memos in the same transaction).
    func memos(target: Memo.Target?, targetID: String?, _ connection: PostgresConnection) async throws -> [Memo] {
        try await connection.rows("""
            SELECT \(unescaped: Self.memoColumns) FROM memo
            WHERE removed_at IS NULL AND (\(target?.rawValue)::text IS NULL OR target = \(target?.rawValue))
                AND (\(targetID)::text IS NULL OR target_id = \(targetID))
            ORDER BY created_at COLLATE "C", id COLLATE "C"
            """, logger).map(Self.memo(from:))
    }

    public func memo(id: String) async throws -> Memo? {
        try await read { connection in
            try await connection.row(
                "SELECT \(unescaped: Self.memoColumns) FROM memo WHERE id = \(id) AND removed_at IS NULL", logger)
                .map(Self.memo(from:))
        }
    }

    public func insertMemo(_ memo: Memo) async throws {
        try await write { connection in try await insertRow(memo, connection) }
    }

    func insertRow(_ memo: Memo, _ connection: PostgresConnection) async throws {
        try await connection.run("""
            INSERT INTO memo (id, target, target_id, author, text, created_at, updated_at, version)
            VALUES (\(memo.id), \(memo.target.rawValue), \(memo.targetID), \(memo.author), \(memo.text),
                    \(PostgresTimestamp.text(memo.createdAt)), \(PostgresTimestamp.text(memo.updatedAt)), \(memo.version))
            """, logger)
    }

    public func updateMemo(_ memo: Memo) async throws {
        try await write { connection in
            let stored = try await liveMemoVersion(memo.id, connection)
            guard stored == memo.version - 1 else {
                throw StoreError.staleVersion(id: memo.id, expected: memo.version - 1, actual: stored)
            }
            try await connection.run("""
                UPDATE memo SET text = \(memo.text), updated_at = \(PostgresTimestamp.text(memo.updatedAt)),
                    version = \(memo.version)
                WHERE id = \(memo.id)
                """, logger)
        }
    }

    public func removeMemo(id: String, by author: String, expectedVersion: Int?) async throws {
        try await write { connection in
            let stored = try await liveMemoVersion(id, connection)
            if let expectedVersion, expectedVersion != stored {
                throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: stored)
            }
            try await connection.run("""
                UPDATE memo SET removed_at = \(PostgresTimestamp.text(Date())), removed_by = \(author), version = version + 1
                WHERE id = \(id)
                """, logger)
        }
    }

    /// The version of a live (not removed) memo, or `StoreError.notFound`.
    private func liveMemoVersion(_ id: String, _ connection: PostgresConnection) async throws -> Int {
        guard let row = try await connection.row("SELECT version FROM memo WHERE id = \(id) AND removed_at IS NULL", logger) else {
            throw StoreError.notFound("memo '\(id)'")
        }
        return try row.get("version")
    }

    static func memo(from row: PostgresRandomAccessRow) throws -> Memo {
        Memo(id: try row.get("id"), target: try row.value("target", of: "memo"), targetID: try row.get("target_id"),
             author: try row.get("author"), text: try row.get("text"),
             createdAt: try row.date("created_at", of: "memo"),
             updatedAt: try row.optionalDate("updated_at", of: "memo"), version: try row.get("version"))
    }
}

import FieldworkCore
import Foundation
import GRDB

/// The SQLite implementation of `FieldworkStore`: one database file per workspace.
public struct SQLiteStore: FieldworkStore {
    let database: AppDatabase
    var writer: any DatabaseWriter { database.writer }

    public init(_ database: AppDatabase) {
        self.database = database
    }

    public func counts() async throws -> WorkspaceCounts {
        try await writer.read { db in
            var counts = WorkspaceCounts()
            counts.documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
            counts.segments = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM segment") ?? 0
            counts.codes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM code") ?? 0
            counts.codings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM coding WHERE removed_at IS NULL") ?? 0
            counts.orphans = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM coding WHERE removed_at IS NULL AND status = 'orphaned'") ?? 0
            counts.participants = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM participant") ?? 0
            return counts
        }
    }
}

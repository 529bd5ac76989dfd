import FieldworkCore
import Foundation
import GRDB

/// Backups with SQLite's online backup API: the copy is taken inside one read transaction of
/// the live database (WAL mode), so it is one consistent moment while coders keep writing, and
/// it lands in a single self-contained file (rollback journal, no -wal beside it).
extension SQLiteStore: StoreBackup {
    public func backup(toNewFile path: String) throws -> StoreBackupSummary {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreBackupError(path: path, problem: "cannot create the backup file")
        }
        let copy = try DatabaseQueue(path: path)
        try writer.backup(to: copy)
        // The copied header says WAL, like the live database; a backup is one file to carry.
        try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try copy.close()
        return try inspectBackup(at: path)
    }

    public func inspectBackup(at path: String) throws -> StoreBackupSummary {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreBackupError(path: path, problem: "no such file")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let copy: DatabaseQueue
        do {
            copy = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreBackupError(path: path, problem: Self.notSQLite(path))
        }
        defer { try? copy.close() }
        do {
            return try copy.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else {
                    throw StoreBackupError(path: path, problem: "damaged: \(integrity.prefix(3).joined(separator: "; "))")
                }
                guard try db.tableExists("grdb_migrations") else {
                    throw StoreBackupError(path: path, problem: "not a Fieldwork database (no schema history)")
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = Set(AppDatabase.migrator.migrations)
                if let unknown = applied.first(where: { !known.contains($0) }) {
                    throw StoreBackupError(path: path, problem: "made by a newer Fieldwork (schema step '\(unknown)' is unknown to this one)")
                }
                var summary = StoreBackupSummary()
                summary.schema = AppDatabase.migrator.migrations.last(where: applied.contains) ?? ""
                summary.documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
                summary.codings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM coding WHERE removed_at IS NULL") ?? 0
                summary.memos = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM memo WHERE removed_at IS NULL") ?? 0
                summary.readings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reading") ?? 0
                summary.bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
                return summary
            }
        } catch let error as StoreBackupError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreBackupError(path: path, problem: Self.notSQLite(path))
        } catch let error as DatabaseError {
            throw StoreBackupError(path: path, problem: "not a readable Fieldwork database (\(error.message ?? "SQLite error \(error.resultCode.rawValue)"))")
        }
    }

    /// "not a SQLite database", or what the file is when it is a backup of a PostgreSQL store.
    private static func notSQLite(_ path: String) -> String {
        let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: BackupFileKind.headLength) } ?? Data()
        return BackupFileKind(head: Array(head)).mismatch(restoringPostgres: false) ?? "not a SQLite database"
    }

    public func participantIDs(inBackupAt path: String) throws -> Set<String> {
        _ = try inspectBackup(at: path)
        var configuration = Configuration()
        configuration.readonly = true
        let copy = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? copy.close() }
        return try copy.read { db in
            Set(try String.fetchAll(db, sql: "SELECT id FROM participant UNION SELECT participant_id FROM document_participant"))
        }
    }

    /// Copies the backup over the live database (readers see the old or the new content, never a
    /// mixture), then runs the migrations a backup from an older version lacks and takes back a
    /// telemetry import the backup caught half-way.
    public func restore(fromFile path: String) throws -> StoreBackupSummary {
        let summary = try inspectBackup(at: path)
        var configuration = Configuration()
        configuration.readonly = true
        let source = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? source.close() }
        try source.backup(to: writer)
        try AppDatabase.migrator.migrate(writer)
        try TelemetryImportJournal(writer: writer).recoverIfUnattended()
        return summary
    }
}

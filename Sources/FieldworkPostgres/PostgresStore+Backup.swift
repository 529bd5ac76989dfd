import FieldworkCore
import Foundation
import PostgresNIO

/// Backups of a PostgreSQL store with PostgreSQL's own tools: a custom-format `pg_dump` (`-Fc`)
/// file, restored by `pg_restore`. The summary a backup prints is counted in the very snapshot
/// `pg_dump` copies (an exported snapshot); the summary of a file is read from the file's data.
extension PostgresStore: StoreBackup {
    var tools: PostgresTools { PostgresTools(target: target) }

    /// `pg_dump -Fc` of the whole database while coders keep writing: the dump and the counts
    /// share one snapshot, exported by a read transaction held open until `pg_dump` ends.
    public func backup(toNewFile path: String) async throws -> StoreBackupSummary {
        // Created owner-only before pg_dump writes into it: the dump holds every transcript.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreBackupError(path: path, problem: "cannot create the backup file")
        }
        var summary = try await read { connection in
            let snapshot: String = try await connection.row("SELECT pg_export_snapshot() AS snapshot", logger)
                .map { try $0.get("snapshot") } ?? ""
            let summary = try await Self.summary(connection, logger)
            try await tools.run("pg_dump", ["--format=custom", "--snapshot=\(snapshot)", "--file=\(path)"])
            return summary
        }
        summary.bytes = Self.size(of: path)
        return summary
    }

    /// Reads the file's table of contents (`pg_restore --list`) and its schema history, document,
    /// coding, memo and reading rows (`pg_restore --data-only`): a file that is not a custom-format dump,
    /// not Fieldwork's, damaged in those tables or from a newer schema is refused.
    public func inspectBackup(at path: String) async throws -> StoreBackupSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreBackupError(path: path, problem: "no such file") }
        let contents = Collected(Data())
        do {
            try await tools.run("pg_restore", ["--list", path]) { handle in
                let data = try handle.readToEnd() ?? Data()
                contents.update { $0 = data }
            }
        } catch let error as PostgresTools.Failed {
            let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: BackupFileKind.headLength) } ?? Data()
            throw StoreBackupError(path: path, problem: BackupFileKind(head: Array(head)).mismatch(restoringPostgres: true)
                                   ?? "not a readable dump in pg_dump's custom format (\(error.message))")
        }
        guard String(decoding: contents.current, as: UTF8.self).contains(" TABLE DATA public fieldwork_migration ") else {
            throw StoreBackupError(path: path, problem: "not a Fieldwork database (no schema history)")
        }
        let found = Collected(DumpCounts())
        do {
            try await PostgresDumpData.scan(path, tables: ["fieldwork_migration", "document", "coding", "memo", "reading"],
                                         tools: tools) {
                table, columns, fields in found.update { $0.count(table, columns, fields) }
            }
        } catch let error as PostgresTools.Failed {
            throw StoreBackupError(path: path, problem: "damaged: \(error.message)")
        }
        let counts = found.current
        let known = PostgresMigrations.all.last!.version
        guard let newest = counts.migrations.keys.max() else {
            throw StoreBackupError(path: path, problem: "not a Fieldwork database (empty schema history)")
        }
        guard newest <= known else {
            throw StoreBackupError(path: path, problem: "made by a newer Fieldwork (schema version \(newest); this one knows up to \(known))")
        }
        var summary = StoreBackupSummary()
        summary.schema = "v\(newest)-\(counts.migrations[newest] ?? "")"
        summary.documents = counts.documents
        summary.codings = counts.codings
        summary.memos = counts.memos
        summary.readings = counts.readings
        summary.bytes = Self.size(of: path)
        return summary
    }

    public func participantIDs(inBackupAt path: String) async throws -> Set<String> {
        _ = try await inspectBackup(at: path)
        let ids = Collected(Set<String>())
        try await PostgresDumpData.scan(path, tables: ["participant", "document_participant"], tools: tools) { table, columns, fields in
            let column = table == "participant" ? "id" : "participant_id"
            guard let index = columns.firstIndex(of: column), index < fields.count,
                  let id = PostgresDumpData.value(fields[index]) else { return }
            ids.update { _ = $0.insert(id) }
        }
        return ids.current
    }

    /// Replaces the database's content by the dump's in one transaction, then runs the schema
    /// migrations an older dump lacks. The old content is dropped inside that transaction (the
    /// `public` schema and everything in it, also tables a newer schema added, which
    /// `pg_restore --clean` would leave behind), under the writer's lock; a dump that fails to
    /// read or to load rolls all of it back. Ownership and grants are the restoring role's.
    public func restore(fromFile path: String) async throws -> StoreBackupSummary {
        let summary = try await inspectBackup(at: path)
        do {
            try await tools.restore(dump: path, arguments: ["--no-owner", "--no-privileges"], prefix: """
                SELECT pg_advisory_xact_lock(\(Self.writeLockKey));
                DROP SCHEMA IF EXISTS public CASCADE;
                CREATE SCHEMA public;

                """)
        } catch let error as PostgresTools.Failed {
            throw StoreBackupError(path: path, problem: "not restored, nothing was changed: \(error)")
        }
        try await PostgresMigrations.migrate(self)
        return summary
    }

    /// What the store holds now, in the caller's snapshot (the dump's, during a backup).
    private static func summary(_ connection: PostgresConnection, _ logger: Logger) async throws -> StoreBackupSummary {
        var summary = StoreBackupSummary()
        guard let row = try await connection.row("""
            SELECT (SELECT COUNT(*) FROM document) AS documents,
                (SELECT COUNT(*) FROM coding WHERE removed_at IS NULL) AS codings,
                (SELECT COUNT(*) FROM memo WHERE removed_at IS NULL) AS memos,
                (SELECT COUNT(*) FROM reading) AS readings,
                (SELECT 'v' || version || '-' || name FROM fieldwork_migration ORDER BY version DESC LIMIT 1) AS schema
            """, logger) else { return summary }
        summary.documents = try row.get("documents")
        summary.codings = try row.get("codings")
        summary.memos = try row.get("memos")
        summary.readings = try row.get("readings")
        summary.schema = try row.get("schema", as: String?.self) ?? ""
        return summary
    }

    private static func size(of path: String) -> Int64 {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
    }
}

/// The rows `inspectBackup` counts in a dump. Readings are counted row by row, as SQLite's
/// summary counts them: the day rollups leave out readings without a value, so their sum is not it.
private struct DumpCounts {
    var migrations: [Int: String] = [:]
    var documents = 0
    var codings = 0
    var memos = 0
    var readings = 0

    mutating func count(_ table: String, _ columns: [String], _ fields: [Substring]) {
        func field(_ name: String) -> String? {
            columns.firstIndex(of: name).flatMap { $0 < fields.count ? PostgresDumpData.value(fields[$0]) : nil }
        }
        switch table {
        case "fieldwork_migration":
            if let version = field("version").flatMap(Int.init) { migrations[version] = field("name") ?? "" }
        case "document": documents += 1
        case "coding": if field("removed_at") == nil { codings += 1 }
        case "memo": if field("removed_at") == nil { memos += 1 }
        case "reading": readings += 1
        default: break
        }
    }
}

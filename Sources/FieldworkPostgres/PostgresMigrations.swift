import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL schema's history, in its own table (`fieldwork_migration`). Append-only, as
/// the SQLite store's: a released migration is never edited; a change is a new version at the
/// end. Each migration runs in one transaction with its row (PostgreSQL's DDL is
/// transactional), under the writer's lock, so two servers starting at once migrate once.
enum PostgresMigrations {
    struct Migration {
        let version: Int
        let name: String
        let sql: String

        /// The statements one by one (the extended protocol takes one per query): a statement
        /// ends with a semicolon at the end of a line, so a function body's inner `;` stays.
        var statements: [String] {
            sql.components(separatedBy: ";\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .map { $0.hasSuffix(";") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        }
    }

    static let all: [Migration] = [
        Migration(version: 1, name: "text-search-configurations", sql: PostgresSchema.textSearch),
        Migration(version: 2, name: "foundation", sql: PostgresSchema.foundation),
        Migration(version: 3, name: "coding-history", sql: PostgresSchema.codingHistory),
        Migration(version: 4, name: "memos-needs-ledger-audit", sql: PostgresSchema.memosNeedsLedgerAudit),
        Migration(version: 5, name: "accounts", sql: PostgresSchema.accounts),
        Migration(version: 6, name: "telemetry-devices-readings-day-rollups-imports", sql: PostgresSchema.telemetry),
        Migration(version: 7, name: "codebook-revision", sql: PostgresSchema.codebookRevision),
        Migration(version: 8, name: "annotation-and-register-revisions", sql: PostgresSchema.annotationAndRegisterRevisions),
        Migration(version: 9, name: "source-file-size-and-mtime", sql: PostgresSchema.sourceFileStamp),
        Migration(version: 10, name: "need-link-removal", sql: PostgresSchema.needLinkRemoval),
        Migration(version: 11, name: "telemetry-import-content-hash", sql: PostgresSchema.telemetryImportHash),
        Migration(version: 12, name: "telemetry-import-file-stamp", sql: PostgresSchema.telemetryImportStamp),
    ]

    /// A database written by a newer Fieldwork: refused, not guessed at.
    struct TooNew: Error, CustomStringConvertible {
        let version: Int
        var description: String {
            "the PostgreSQL database has schema version \(version), newer than this Fieldwork knows (\(all.last!.version)): upgrade Fieldwork"
        }
    }

    /// A hot standby's schema is older than this Fieldwork's: only the primary can migrate it.
    struct StandbyBehind: Error, CustomStringConvertible {
        let version: Int
        var description: String {
            "the PostgreSQL database is a read-only standby with schema version \(version), older than this Fieldwork's "
                + "(\(all.last!.version)): bring the primary up to date first (any fieldwork command against it does)"
        }
    }

    static func migrate(_ store: PostgresStore) async throws {
        if try await isCheckedStandby(store) { return }
        try await store.writeTransaction { connection in
            try await connection.run("""
                CREATE TABLE IF NOT EXISTS fieldwork_migration (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)
                """, store.logger)
            let applied = try await connection.rows("SELECT version FROM fieldwork_migration", store.logger)
                .map { try $0.get("version", as: Int.self) }
            if let newest = applied.max(), newest > all.last!.version { throw TooNew(version: newest) }
            for migration in all where !applied.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.run(PostgresQuery(unsafeSQL: statement), store.logger)
                }
                let now = PostgresTimestamp.text(Date())
                try await connection.run("""
                    INSERT INTO fieldwork_migration (version, name, applied_at) VALUES (\(migration.version), \(migration.name), \(now))
                    """, store.logger)
            }
        }
    }

    /// True on a hot standby (read-only, replaying the primary), whose schema is the primary's:
    /// it is checked, never changed, so read-only commands run there; writes are refused by the
    /// server (SQLSTATE 25006).
    private static func isCheckedStandby(_ store: PostgresStore) async throws -> Bool {
        try await store.readTransaction { connection in
            guard try await connection.row("SELECT pg_is_in_recovery() AS standby", store.logger)?
                .get("standby", as: Bool.self) == true else { return false }
            // The table is named only if it exists (a reference to a missing one fails when parsed).
            let exists = try await connection.row("SELECT to_regclass('fieldwork_migration') IS NOT NULL AS found",
                                                  store.logger)?.get("found", as: Bool.self) ?? false
            let newest = exists ? try await connection.row("SELECT coalesce(max(version), 0) AS newest FROM fieldwork_migration",
                                                           store.logger)?.get("newest", as: Int.self) ?? 0 : 0
            if newest > all.last!.version { throw TooNew(version: newest) }
            if newest < all.last!.version { throw StandbyBehind(version: newest) }
            return true
        }
    }

    /// The migrations applied, oldest first (for tests and `store` diagnostics).
    static func applied(_ store: PostgresStore) async throws -> [String] {
        try await store.read { connection in
            try await connection.rows("SELECT version, name FROM fieldwork_migration ORDER BY version", store.logger)
                .map { "v\(try $0.get("version", as: Int.self))-\(try $0.get("name", as: String.self))" }
        }
    }
}

extension PostgresStore {
    /// The schema migrations applied to this database, oldest first (`v1-text-search-configurations`, …).
    public func appliedMigrations() async throws -> [String] {
        try await PostgresMigrations.applied(self)
    }
}

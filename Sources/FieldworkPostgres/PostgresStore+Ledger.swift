import FieldworkCore
import Foundation
import PostgresNIO

/// The store's side of the codings ledger (see `LedgerStore`), as the SQLite store does it.
extension PostgresStore {
    /// When a person last changed a row: the later of its update and its removal.
    private static let changedAt = #"greatest(t.updated_at COLLATE "C", coalesce(t.removed_at, '') COLLATE "C")"#

    private static let codingColumns = PostgresCodingRow.columns.split(separator: ",")
        .map { "t." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    public func unsyncedLedgerRecords() async throws -> [LedgerRecord] {
        try await read { connection in
            let unsynced = "LEFT JOIN ledger_seen s ON s.id = t.id WHERE s.changed_at IS NULL OR s.changed_at <> \(Self.changedAt)"
            return try await ledgerCodings(connection, where: unsynced) + ledgerMemos(connection, where: unsynced)
        }
    }

    public func ledgerRecords(ids: [String]) async throws -> [LedgerRecord] {
        guard !ids.isEmpty else { return [] }
        return try await read { connection in
            var binds = PostgresBindings()
            binds.append(ids)
            return try await ledgerCodings(connection, where: "WHERE t.id = ANY($1::text[])", binds)
                + ledgerMemos(connection, where: "WHERE t.id = ANY($1::text[])", binds)
        }
    }

    public func ledgerCodingsWithUnknownCodes() async throws -> [LedgerRecord] {
        try await read { connection in
            try await ledgerCodings(connection, where: "WHERE t.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM code k WHERE k.id = t.code_id)")
        }
    }

    private func ledgerCodings(_ connection: PostgresConnection, where clause: String,
                               _ binds: PostgresBindings = PostgresBindings()) async throws -> [LedgerRecord] {
        let sql = "SELECT \(Self.codingColumns), t.removed_at, t.removed_by FROM coding t \(clause) ORDER BY t.id COLLATE \"C\""
        return try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds), logger).map { row in
            let coding = try PostgresCodingRow.coding(from: row)
            let removal = try Self.removal(row)
            return .coding(LedgerRecord.CodingEntry(coding, changedBy: removal?.by ?? coding.updatedBy ?? coding.coder,
                                                     removed: removal))
        }
    }

    private func ledgerMemos(_ connection: PostgresConnection, where clause: String,
                             _ binds: PostgresBindings = PostgresBindings()) async throws -> [LedgerRecord] {
        let columns = Self.memoColumns.split(separator: ",").map { "t." + $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: ", ")
        let sql = "SELECT \(columns) FROM memo t \(clause) ORDER BY t.id COLLATE \"C\""
        return try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds), logger).map { row in
            let memo = try Self.memo(from: row)
            let removal = try Self.removal(row)
            return .memo(LedgerRecord.MemoEntry(memo, changedBy: removal?.by ?? memo.author, removed: removal))
        }
    }

    public func ledgerVersions() async throws -> [String: Int] {
        try await read { connection in
            var versions: [String: Int] = [:]
            for row in try await connection.rows("SELECT id, version FROM ledger_seen", logger) {
                versions[try row.get("id")] = try row.get("version")
            }
            return versions
        }
    }

    public func noteLedgerWritten(_ records: [LedgerRecord]) async throws {
        guard !records.isEmpty else { return }
        try await write { connection in
            for record in records { try await note(record.id, ledgerVersion: nil, ifAt: record.version, connection) }
        }
    }

    public func applyLedger(_ changes: [LedgerChange]) async throws {
        guard !changes.isEmpty else { return }
        try await write { connection in
            var known = try await knownRows(of: changes, connection)
            for change in changes {
                switch change {
                case .coding(var coding, let changedBy, let removal, let ledgerVersion, let file):
                    guard known.documents.contains(coding.documentID) else {
                        throw StoreError.notFound("document '\(coding.documentID)'")
                    }
                    // A coding taken in twice in one batch is read again the second time.
                    let stored = known.taken.insert(coding.id).inserted ? known.codings[coding.id] : try await connection.row(
                        "SELECT \(unescaped: PostgresCodingRow.columns), removed_at FROM coding WHERE id = \(coding.id)", logger)
                    // Never lower a version a browser tab may hold: a stale write must still get 409.
                    let storedVersion: Int? = try stored?.get("version")
                    coding.version = max(ledgerVersion, storedVersion ?? 0)
                    coding.updatedBy = changedBy == coding.coder && removal == nil ? nil : changedBy
                    if stored == nil {
                        try await PostgresCodingRow.insert(coding, connection, logger)
                    } else {
                        try await PostgresCodingRow.write(coding, connection, logger)
                    }
                    try await connection.run("""
                        UPDATE coding SET removed_at = \(removal.map { PostgresTimestamp.text($0.at) }), removed_by = \(removal?.by)
                        WHERE id = \(coding.id)
                        """, logger)
                    for event in try Self.takeInEvents(stored, coding, by: changedBy, removal: removal,
                                                       version: ledgerVersion, file: file) {
                        try await PostgresCodingEventRow.append(event, connection, logger)
                    }
                    try await note(coding.id, ledgerVersion: ledgerVersion, connection, tables: ["coding"])
                case .memo(var memo, let removal, let ledgerVersion):
                    let stored: Int? = try await connection.row("SELECT version FROM memo WHERE id = \(memo.id)", logger)?
                        .get("version")
                    memo.version = max(ledgerVersion, stored ?? 0)
                    if stored == nil {
                        try await insertRow(memo, connection)
                    } else {
                        try await connection.run("""
                            UPDATE memo SET target = \(memo.target.rawValue), target_id = \(memo.targetID), author = \(memo.author),
                                text = \(memo.text), updated_at = \(PostgresTimestamp.text(memo.updatedAt)), version = \(memo.version)
                            WHERE id = \(memo.id)
                            """, logger)
                    }
                    try await connection.run("""
                        UPDATE memo SET removed_at = \(removal.map { PostgresTimestamp.text($0.at) }), removed_by = \(removal?.by)
                        WHERE id = \(memo.id)
                        """, logger)
                    try await note(memo.id, ledgerVersion: ledgerVersion, connection, tables: ["memo"])
                }
            }
        }
    }

    /// What taking in the codings of `changes` asks of every one, read in two queries instead of
    /// two per coding: taking in a study's files made a round trip per question and coding
    /// (the sample study's 210 codings took five times as long as on SQLite).
    private func knownRows(of changes: [LedgerChange], _ connection: PostgresConnection) async throws
        -> (documents: Set<String>, codings: [String: PostgresRandomAccessRow], taken: Set<String>) {
        let codings = changes.compactMap { change -> Coding? in
            if case .coding(let coding, _, _, _, _) = change { return coding }
            return nil
        }
        guard !codings.isEmpty else { return ([], [:], []) }
        let documents = try await connection.rows(
            "SELECT id FROM document WHERE id = ANY(\(Array(Set(codings.map(\.documentID)))))", logger)
            .map { try $0.get("id", as: String.self) }
        let stored = try await connection.rows(
            "SELECT \(unescaped: PostgresCodingRow.columns), removed_at FROM coding WHERE id = ANY(\(codings.map(\.id)))", logger)
        return (Set(documents), Dictionary(try stored.map { (try $0.get("id", as: String.self), $0) }) { first, _ in first }, [])
    }

    /// Records the row's current change time, and its ledger version: the one given (taken from
    /// a file) or its own version (written to a file). `tables`: where the id may be. `ifAt`:
    /// only if the row is still at that version (nil: whatever its version).
    private func note(_ id: String, ledgerVersion: Int?, ifAt version: Int? = nil, _ connection: PostgresConnection,
                      tables: [String] = ["coding", "memo"]) async throws {
        for table in tables {
            try await connection.run("""
                INSERT INTO ledger_seen (id, version, changed_at)
                SELECT t.id, coalesce(\(ledgerVersion)::bigint, t.version), \(unescaped: Self.changedAt)
                FROM \(unescaped: table) t WHERE t.id = \(id) AND t.version = coalesce(\(version)::bigint, t.version)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at
                """, logger)
        }
    }

    /// The history of taking a record in: made here now (and perhaps removed at once), removed,
    /// restored, or changed — by the record's author, from their file.
    private static func takeInEvents(_ stored: PostgresRandomAccessRow?, _ coding: Coding, by person: String,
                                     removal: LedgerRecord.Removal?, version: Int, file: String) throws -> [CodingEvent] {
        let old = try stored.map(PostgresCodingRow.coding(from:))
        let wasRemoved = try stored.map { (try $0.get("removed_at", as: String?.self)) != nil } ?? false
        return CodingEvent.takeIn(old: old, wasRemoved: wasRemoved, coding, by: person, removal: removal, version: version, file: file)
    }

    private static func removal(_ row: PostgresRandomAccessRow) throws -> LedgerRecord.Removal? {
        guard let at: String = try row.get("removed_at"), let date = PostgresTimestamp.date(at) else { return nil }
        return LedgerRecord.Removal(at: date, by: try row.get("removed_by") ?? "unknown")
    }
}

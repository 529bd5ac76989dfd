import FieldworkCore
import Foundation
import GRDB

/// The store's side of the codings ledger (see `LedgerStore`).
extension SQLiteStore {
    /// When a person last changed a row: the later of its update and its removal.
    private static let changedAt = "max(t.updated_at, coalesce(t.removed_at, ''))"

    private static let codingColumns = CodingRow.columns.split(separator: ",")
        .map { "t." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }.joined(separator: ", ")

    public func unsyncedLedgerRecords() async throws -> [LedgerRecord] {
        try await writer.read { db in
            let unsynced = "LEFT JOIN ledger_seen s ON s.id = t.id WHERE s.changed_at IS NULL OR s.changed_at <> \(Self.changedAt)"
            return try Self.ledgerCodings(db, where: unsynced) + Self.ledgerMemos(db, where: unsynced)
        }
    }

    public func ledgerRecords(ids: [String]) async throws -> [LedgerRecord] {
        guard !ids.isEmpty else { return [] }
        return try await writer.read { db in
            var records: [LedgerRecord] = []
            // In chunks, well below SQLite's limit on bound parameters.
            for chunk in stride(from: 0, to: ids.count, by: Self.idsPerStatement).map({ ids[$0..<min($0 + Self.idsPerStatement, ids.count)] }) {
                let filter = "WHERE t.id IN (\(databaseQuestionMarks(count: chunk.count)))"
                let arguments = StatementArguments(Array(chunk))
                records += try Self.ledgerCodings(db, where: filter, arguments) + Self.ledgerMemos(db, where: filter, arguments)
            }
            return records
        }
    }

    private static let idsPerStatement = 500

    private static func ledgerCodings(_ db: Database, where clause: String, _ arguments: StatementArguments = []) throws -> [LedgerRecord] {
        try Row.decodeAll(db, sql: "SELECT \(codingColumns), t.removed_at, t.removed_by FROM coding t \(clause)", arguments: arguments) { row in
                let coding = try CodingRow.coding(from: row)
                let removal = removal(row)
                return .coding(LedgerRecord.CodingEntry(coding, changedBy: removal?.by ?? coding.updatedBy ?? coding.coder,
                                                         removed: removal))
            }
    }

    private static func ledgerMemos(_ db: Database, where clause: String, _ arguments: StatementArguments = []) throws -> [LedgerRecord] {
        try Row.decodeAll(db, sql: "SELECT t.* FROM memo t \(clause)", arguments: arguments) { row in
            let memo = try memo(from: row)
            let removal = removal(row)
            return .memo(LedgerRecord.MemoEntry(memo, changedBy: removal?.by ?? memo.author, removed: removal))
        }
    }

    public func ledgerCodingsWithUnknownCodes() async throws -> [LedgerRecord] {
        try await writer.read { db in
            try Self.ledgerCodings(db, where: "WHERE t.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM code k WHERE k.id = t.code_id) ORDER BY t.id")
        }
    }

    public func ledgerVersions() async throws -> [String: Int] {
        try await writer.read { db in
            var versions: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, version FROM ledger_seen") {
                versions[row["id"]] = row["version"]
            }
            return versions
        }
    }

    public func noteLedgerWritten(_ records: [LedgerRecord]) async throws {
        guard !records.isEmpty else { return }
        try await writer.write { db in
            for record in records { try Self.note(record.id, ledgerVersion: nil, ifAt: record.version, db) }
        }
    }

    public func applyLedger(_ changes: [LedgerChange]) async throws {
        guard !changes.isEmpty else { return }
        try await writer.write { db in
            for change in changes {
                switch change {
                case .coding(var coding, let changedBy, let removal, let ledgerVersion, let file):
                    guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE id = ?)",
                                            arguments: [coding.documentID]) == true else {
                        throw StoreError.notFound("document '\(coding.documentID)'")
                    }
                    let stored = try Row.fetchOne(db, sql: "SELECT \(CodingRow.columns), removed_at FROM coding WHERE id = ?",
                                                  arguments: [coding.id])
                    // Never lower a version a browser tab may hold: a stale write must still get 409.
                    let storedVersion: Int? = stored?["version"]
                    coding.version = max(ledgerVersion, storedVersion ?? 0)
                    coding.updatedBy = changedBy == coding.coder && removal == nil ? nil : changedBy
                    if stored == nil { try CodingRow.insert(coding, db) } else { try CodingRow.write(coding, db) }
                    try db.execute(sql: "UPDATE coding SET removed_at = ?, removed_by = ? WHERE id = ?",
                                   arguments: [removal.map { Timestamp.text($0.at) }, removal?.by, coding.id])
                    for event in try Self.takeInEvents(stored, coding, by: changedBy, removal: removal,
                                                   version: ledgerVersion, file: file) {
                        try CodingEventRow.append(event, db)
                    }
                    try Self.note(coding.id, ledgerVersion: ledgerVersion, db)
                case .memo(var memo, let removal, let ledgerVersion):
                    let stored = try Int.fetchOne(db, sql: "SELECT version FROM memo WHERE id = ?", arguments: [memo.id])
                    memo.version = max(ledgerVersion, stored ?? 0)
                    if stored == nil {
                        try Self.insertRow(memo, db)
                    } else {
                        try db.execute(sql: """
                            UPDATE memo SET target = ?, target_id = ?, author = ?, text = ?, updated_at = ?, version = ?
                            WHERE id = ?
                            """, arguments: [memo.target.rawValue, memo.targetID, memo.author, memo.text,
                                             Timestamp.text(memo.updatedAt), memo.version, memo.id])
                    }
                    try db.execute(sql: "UPDATE memo SET removed_at = ?, removed_by = ? WHERE id = ?",
                                   arguments: [removal.map { Timestamp.text($0.at) }, removal?.by, memo.id])
                    try Self.note(memo.id, ledgerVersion: ledgerVersion, db)
                }
            }
        }
    }

    /// Records the row's current change time, and its ledger version: the one given (taken from
    /// a file) or its own version (written to a file).
    /// `ifAt`: only if the row is still at that version (nil: whatever its version).
    private static func note(_ id: String, ledgerVersion: Int?, ifAt version: Int? = nil, _ db: Database) throws {
        for table in ["coding", "memo"] {
            try db.execute(sql: """
                INSERT INTO ledger_seen (id, version, changed_at)
                SELECT t.id, coalesce(?, t.version), \(changedAt) FROM \(table) t WHERE t.id = ? AND t.version = coalesce(?, t.version)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at
                """, arguments: [ledgerVersion, id, version])
        }
    }

    /// The history of taking a record in: made here now (and perhaps removed at once), removed,
    /// restored, or changed — by the record's author, from their file.
    private static func takeInEvents(_ stored: Row?, _ coding: Coding, by person: String, removal: LedgerRecord.Removal?,
                                     version: Int, file: String) throws -> [CodingEvent] {
        let old = try stored.map(CodingRow.coding(from:))
        let wasRemoved = stored.map { ($0["removed_at"] as String?) != nil } ?? false
        return CodingEvent.takeIn(old: old, wasRemoved: wasRemoved, coding, by: person, removal: removal, version: version, file: file)
    }

    private static func removal(_ row: Row) -> LedgerRecord.Removal? {
        guard let at: String = row["removed_at"], let date = Timestamp.date(at) else { return nil }
        return LedgerRecord.Removal(at: date, by: row["removed_by"] ?? "unknown")
    }
}

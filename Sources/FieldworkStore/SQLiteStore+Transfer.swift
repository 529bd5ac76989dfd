import FieldworkCore
import Foundation
import GRDB

/// `fieldwork store copy` on SQLite (see `StoreTransfer`). Both directions go through a private
/// copy of the database file beside it: reading pages through an online backup (one consistent
/// moment while coders write, read at leisure in batches), and loading fills a fresh file that
/// replaces the empty database only once its checksums match the source's, so a failure midway
/// leaves the workspace's database as it was.
extension SQLiteStore: StoreTransfer {
    public var transferTables: [TransferTable] { TransferTable.study }

    public func transferCounts() async throws -> [String: Int] {
        try await writer.read { db in try SQLiteTransfer.counts(db) }
    }

    public func readTransfer(_ consume: (TransferBatch) async throws -> Void) async throws {
        let copy = try SQLiteTransfer.scratchDatabase(beside: writer.path)
        defer { SQLiteTransfer.remove(copy) }
        try writer.backup(to: copy.queue)
        try await SQLiteTransfer.read(copy.queue, consume)
    }

    public func loadTransfer(_ produce: (any TransferSink) async throws -> TransferManifest) async throws -> TransferManifest {
        try await refuseUnlessEmpty()
        let scratch = try SQLiteTransfer.scratchDatabase(beside: writer.path)
        defer { SQLiteTransfer.remove(scratch) }
        _ = try AppDatabase(scratch.queue)  // the current schema
        let expected = try await produce(SQLiteTransferSink(queue: scratch.queue))
        try await SQLiteTransfer.indexSegments(scratch.queue)
        var builder = TransferManifest.Builder(tables: transferTables)
        try await SQLiteTransfer.read(scratch.queue) { builder.add($0) }
        let loaded = builder.manifest()
        try loaded.verify(against: expected)
        // Someone may have written meanwhile: the check again, just before the study replaces
        // the (empty) database; the backup's pages go in as one step.
        try await refuseUnlessEmpty()
        try scratch.queue.backup(to: writer)
        return loaded
    }

    private func refuseUnlessEmpty() async throws {
        let held = try await transferCounts().filter { $0.value > 0 }
        guard held.isEmpty else { throw StoreTransferError.notEmpty(held) }
    }
}

/// Writes the source's batches into the scratch database, a transaction per batch (the scratch
/// file is private until it replaces the target, so its transactions need not be one).
struct SQLiteTransferSink: TransferSink {
    let queue: DatabaseQueue

    func write(_ batch: TransferBatch) async throws {
        guard !batch.rows.isEmpty else { return }
        try await queue.write { db in
            let columns = batch.table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: batch.table.columns.count).joined(separator: ", ")
            let statement = try db.cachedStatement(sql: "INSERT INTO \(batch.table.name) (\(columns)) VALUES (\(marks))")
            for row in batch.rows {
                try statement.execute(arguments: StatementArguments(row.map(SQLiteTransfer.databaseValue)))
            }
        }
    }
}

enum SQLiteTransfer {
    struct Scratch {
        let path: String
        let queue: DatabaseQueue
    }

    /// A new owner-only database file in the workspace database's folder (transcripts must not
    /// land in a shared temporary folder), or in the temporary folder for an in-memory store.
    static func scratchDatabase(beside path: String) throws -> Scratch {
        let folder = path.hasPrefix("/") ? (path as NSString).deletingLastPathComponent : NSTemporaryDirectory()
        let scratch = (folder as NSString).appendingPathComponent(".store-copy-\(UUID().uuidString).sqlite")
        guard FileManager.default.createFile(atPath: scratch, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: scratch])
        }
        return Scratch(path: scratch, queue: try DatabaseQueue(path: scratch, configuration: AppDatabase.makeConfiguration()))
    }

    static func remove(_ scratch: Scratch) {
        try? scratch.queue.close()
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch.path + suffix) }
    }

    static func counts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in TransferTable.study {
            counts[table.name] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table.name)") ?? 0
        }
        return counts
    }

    /// Every table in order, a batch at a time: each batch is the rows after the last one's key.
    static func read(_ reader: some DatabaseReader, _ consume: (TransferBatch) async throws -> Void) async throws {
        for table in TransferTable.study {
            var offset = 0
            var after: [DatabaseValue]? = nil
            while true {
                let key = after
                let page = try await reader.read { db in try readPage(table, after: key, db) }
                if !page.rows.isEmpty { try await consume(TransferBatch(table: table, offset: offset, rows: page.rows)) }
                offset += page.rows.count
                guard page.rows.count == table.batchRows else { break }
                after = page.lastKey
            }
        }
    }

    private static func readPage(_ table: TransferTable, after: [DatabaseValue]?, _ db: Database)
    throws -> (rows: [[TransferValue]], lastKey: [DatabaseValue]) {
        // The key as SQLite compares it byte for byte (BINARY), as PostgreSQL's "C" collation does.
        let keys: [String] = switch table.order {
        case .key: table.keyColumns.map { $0.kind == .text ? "\"\($0.name)\" COLLATE BINARY" : "\"\($0.name)\"" }
        case .bookOrder: ["rowid"]
        }
        let columns = table.columns.map { "\"\($0.name)\"" } + keys.indices.map { "\(keys[$0]) AS key\($0)" }
        var sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table.name)"
        if after != nil {
            sql += " WHERE (\(keys.joined(separator: ", "))) > (\(keys.map { _ in "?" }.joined(separator: ", ")))"
        }
        sql += " ORDER BY \(keys.joined(separator: ", ")) LIMIT \(table.batchRows)"
        var rows: [[TransferValue]] = []
        var lastKey: [DatabaseValue] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(after ?? []))
        while let row = try cursor.next() {
            rows.append(try table.columns.indices.map { try transferValue(row[$0] as DatabaseValue, table, table.columns[$0]) })
            lastKey = keys.indices.map { row[table.columns.count + $0] as DatabaseValue }
        }
        return (rows, lastKey)
    }

    static func transferValue(_ value: DatabaseValue, _ table: TransferTable, _ column: TransferTable.Column) throws -> TransferValue {
        switch (column.kind, value.storage) {
        case (_, .null): return .null
        case (.integer, .int64(let number)): return .integer(number)
        case (.real, .double(let number)): return .real(number)
        case (.real, .int64(let number)): return .real(Double(number))
        case (.text, .string(let text)): return .text(text)
        case (.boolean, .int64(let number)): return .boolean(number != 0)
        case (.json, .string(let text)):
            guard let json = TransferValue.canonicalJSON(text) else {
                throw StoreTransferError.unreadable(table: table.name, column: column.name)
            }
            return .json(json)
        default: throw StoreTransferError.unreadable(table: table.name, column: column.name)
        }
    }

    static func databaseValue(_ value: TransferValue) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text), .json(let text): text.databaseValue
        case .boolean(let flag): Int64(flag ? 1 : 0).databaseValue
        }
    }

    /// The full-text index of the loaded segments, a document at a time, their texts cut from
    /// its plain text in one pass (as ingest indexes them).
    static func indexSegments(_ queue: DatabaseQueue) async throws {
        let documents = try await queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM document ORDER BY id") }
        for id in documents {
            try await queue.write { db in
                guard let text = try String.fetchOne(db, sql: "SELECT plain_text FROM document WHERE id = ?", arguments: [id]) else { return }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, start, "end" FROM segment WHERE document_id = ? ORDER BY start, id
                    """, arguments: [id])
                try DocumentRow.index(rows, text: text, db)
            }
        }
    }
}

import FieldworkCore
import Foundation
import Logging
import PostgresNIO

/// `fieldwork store copy` on PostgreSQL (see `StoreTransfer`). Reading runs on one snapshot
/// (a repeatable-read transaction), each table one streamed query. Loading runs in one write
/// transaction: the empty check, the rows, the search index and id sequences derived again,
/// then the read-back and its checksums, all before COMMIT, so a failure or a difference
/// leaves the database as it was.
extension PostgresStore: StoreTransfer {
    public var transferTables: [TransferTable] { TransferTable.study }

    public func transferCounts() async throws -> [String: Int] {
        try await read { connection in try await PostgresTransfer.counts(transferTables, connection, logger) }
    }

    public func readTransfer(_ consume: (TransferBatch) async throws -> Void) async throws {
        try await read { connection in try await PostgresTransfer.read(transferTables, connection, logger, consume) }
    }

    public func loadTransfer(_ produce: (any TransferSink) async throws -> TransferManifest) async throws -> TransferManifest {
        try await write { connection in
            let held = try await PostgresTransfer.counts(transferTables, connection, logger).filter { $0.value > 0 }
            guard held.isEmpty else { throw StoreTransferError.notEmpty(held) }
            let expected = try await produce(PostgresTransferSink(connection: connection, logger: logger, tables: transferTables))
            try await PostgresTransfer.indexSegments(connection, logger)
            // The ids came with the rows: each sequence moves past them.
            for table in ["segment", "coding_event", "telemetry_device", "telemetry_metric", "telemetry_import"] {
                try await connection.run(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)
                    """), logger)
            }
            var builder = TransferManifest.Builder(tables: transferTables)
            try await PostgresTransfer.read(transferTables, connection, logger) { builder.add($0) }
            let loaded = builder.manifest()
            try loaded.verify(against: expected)
            return loaded
        }
    }
}

/// Inserts the source's batches in the loading transaction, many rows per statement.
struct PostgresTransferSink: TransferSink {
    let connection: PostgresConnection
    let logger: Logger
    let tables: [TransferTable]

    func write(_ batch: TransferBatch) async throws {
        guard tables.contains(batch.table) else {
            throw StoreTransferError.unsupported(table: batch.table.name, rows: batch.rows.count)
        }
        let table = batch.table
        // Under PostgreSQL's 65,535 parameters per statement.
        let perStatement = max(1, 30_000 / table.columns.count)
        for start in stride(from: 0, to: batch.rows.count, by: perStatement) {
            let rows = batch.rows[start..<min(start + perStatement, batch.rows.count)]
            var binds = PostgresBindings()
            var tuples: [String] = []
            for (index, row) in zip(rows.indices, rows) {
                var places: [String] = []
                for (column, value) in zip(table.columns, row) {
                    try PostgresTransfer.bind(value, to: &binds)
                    places.append("$\(binds.count)::\(PostgresTransfer.type(column.kind))")
                }
                places += PostgresTransfer.derivedValues(table, position: batch.offset + index)
                tuples.append("(" + places.joined(separator: ", ") + ")")
            }
            let columns = table.columns.map { "\"\($0.name)\"" } + PostgresTransfer.derivedColumns(table)
            try await connection.run(PostgresQuery(unsafeSQL: """
                INSERT INTO \(table.name) (\(columns.joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))
                """, binds: binds), logger)
        }
    }
}

enum PostgresTransfer {
    static func type(_ kind: TransferTable.Kind) -> String {
        switch kind {
        case .integer: "bigint"
        case .real: "float8"
        case .text: "text"
        case .boolean: "boolean"
        case .json: "jsonb"
        }
    }

    static func bind(_ value: TransferValue, to binds: inout PostgresBindings) throws {
        switch value {
        case .null: binds.appendNull()
        case .integer(let number): binds.append(number)
        case .real(let number): binds.append(number)
        case .text(let text), .json(let text): binds.append(text)
        case .boolean(let flag): binds.append(flag)
        }
    }

    /// Columns PostgreSQL derives that SQLite does not have: the codebook's order (the row's
    /// position; codes come in book order) and a segment's search words (filled by
    /// `indexSegments` once the documents are in).
    static func derivedColumns(_ table: TransferTable) -> [String] {
        switch table.name {
        case "code": ["book_order"]
        case "segment": ["search_config", "words"]
        default: []
        }
    }

    static func derivedValues(_ table: TransferTable, position: Int) -> [String] {
        switch table.name {
        case "code": ["\(position)"]
        case "segment": ["''", "''::tsvector"]
        default: []
        }
    }

    static func counts(_ tables: [TransferTable], _ connection: PostgresConnection, _ logger: Logger) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in tables {
            counts[table.name] = try await connection.row(PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS n FROM \(table.name)"), logger)?
                .get("n", as: Int.self) ?? 0
        }
        return counts
    }

    /// Every table in order, each one query streamed in batches; text keys compared byte for
    /// byte ("C"), as SQLite's BINARY compares them.
    static func read(_ tables: [TransferTable], _ connection: PostgresConnection, _ logger: Logger,
                     _ consume: (TransferBatch) async throws -> Void) async throws {
        for table in tables {
            let columns = table.columns.map { column -> String in
                switch column.kind {
                case .integer: "\"\(column.name)\"::bigint"
                case .real: "\"\(column.name)\"::float8"
                case .json: "\"\(column.name)\"::text"
                case .text, .boolean: "\"\(column.name)\""
                }
            }
            let order: String = switch table.order {
            case .key: table.keyColumns.map { $0.kind == .text ? "\"\($0.name)\" COLLATE \"C\"" : "\"\($0.name)\"" }
                .joined(separator: ", ")
            case .bookOrder: "book_order"
            }
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(columns.joined(separator: ", ")) FROM \(table.name) ORDER BY \(order)
                """), logger: logger)
            var batch: [[TransferValue]] = []
            var offset = 0
            for try await row in rows {
                let cells = row.makeRandomAccess()
                batch.append(try table.columns.indices.map { try value(cells[$0], table, table.columns[$0]) })
                if batch.count == table.batchRows {
                    try await consume(TransferBatch(table: table, offset: offset, rows: batch))
                    offset += batch.count
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try await consume(TransferBatch(table: table, offset: offset, rows: batch)) }
        }
    }

    private static func value(_ cell: PostgresCell, _ table: TransferTable, _ column: TransferTable.Column) throws -> TransferValue {
        do {
            switch column.kind {
            case .integer: return try cell.decode(Int64?.self).map(TransferValue.integer) ?? .null
            case .real: return try cell.decode(Double?.self).map(TransferValue.real) ?? .null
            case .text: return try cell.decode(String?.self).map(TransferValue.text) ?? .null
            case .boolean: return try cell.decode(Bool?.self).map(TransferValue.boolean) ?? .null
            case .json:
                guard let text = try cell.decode(String?.self) else { return .null }
                guard let json = TransferValue.canonicalJSON(text) else { throw StoreTransferError.unreadable(table: table.name, column: column.name) }
                return .json(json)
            }
        } catch is PostgresDecodingError {
            throw StoreTransferError.unreadable(table: table.name, column: column.name)
        }
    }

    /// Each loaded segment's search words, in its document's language, a document at a time
    /// (as ingest indexes them: `PostgresSearch.indexedWords` of the segment's text).
    static func indexSegments(_ connection: PostgresConnection, _ logger: Logger) async throws {
        let documents = try await connection.rows("SELECT id FROM document ORDER BY id", logger).map { try $0.get("id", as: String.self) }
        for id in documents {
            guard let document = try await connection.row("SELECT plain_text, language FROM document WHERE id = \(id)", logger) else { continue }
            let text: String = try document.get("plain_text")
            let config = PostgresSearch.configuration(language: try document.get("language", as: String?.self))
            let segments = try await connection.rows("""
                SELECT id, start, "end" FROM segment WHERE document_id = \(id) ORDER BY start, id
                """, logger)
            guard !segments.isEmpty else { continue }
            let spans = try segments.map { try $0.get("start", as: Int.self)..<$0.get("end", as: Int.self) }
            let words = try zip(segments, text.scalarSlices(spans)).map { segment, body in
                SegmentWords(id: try segment.get("id", as: Int64.self), body: PostgresSearch.indexedWords(body))
            }
            try await connection.run("""
                UPDATE segment s SET search_config = \(config), words = to_tsvector(\(config)::regconfig, x.body)
                FROM jsonb_to_recordset(\(PostgresJSON.encode(words))::jsonb) AS x(id bigint, body text) WHERE s.id = x.id
                """, logger)
        }
    }

    private struct SegmentWords: Encodable {
        let id: Int64
        let body: String
    }
}

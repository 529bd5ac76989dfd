import GRDB
import GRDBSQLite

/// A prepared statement bound and stepped through SQLite's C API, for the store's bulk inserts
/// (ingest's segments and their full-text entries, telemetry readings) and the coding row every
/// coding write stores: there GRDB's boxing of every argument into a `DatabaseValue` array (or a
/// dictionary, for named ones) costs more than SQLite's own work for the row.
/// Only for statements no GRDB observer watches (the store registers none).
struct RawStatement {
    private let statement: Statement
    private let db: Database

    init(_ statement: Statement, in db: Database) {
        self.statement = statement
        self.db = db
    }

    private var handle: SQLiteStatement { statement.sqliteStatement }

    /// The position of the statement's parameter `name` (`:id`), as SQLite itself finds it; a
    /// name the statement lacks is a programming error, reported rather than bound nowhere.
    func index(of name: String) throws -> Int32 {
        let index = name.withCString { sqlite3_bind_parameter_index(handle, $0) }
        guard index > 0 else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "the statement has no parameter \(name)", sql: statement.sql)
        }
        return index
    }

    /// Throws unless the statement has exactly `count` parameters: after binding `count`
    /// distinct names, none is left to bind NULL silently.
    func requireBound(_ count: Int) throws {
        let parameters = Int(sqlite3_bind_parameter_count(handle))
        guard parameters == count else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "\(count) of \(parameters) parameters bound", sql: statement.sql)
        }
    }

    func bind(_ name: String, _ value: String?) throws { bind(try index(of: name), value) }
    func bind(_ name: String, _ value: Int?) throws { bind(try index(of: name), value) }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(handle, index, value)
    }

    func bind(_ index: Int32, _ value: Int?) {
        if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
    }

    func bind(_ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    }

    /// Binds a copy of the text (SQLite copies it: the `String` may go away before the step).
    func bind(_ index: Int32, _ value: String?) {
        guard var text = value else { sqlite3_bind_null(handle, index); return }
        text.withUTF8 { bytes in bindText(index, bytes, destructor: Self.transient) }
    }

    /// Binds UTF-8 bytes without copying them: they must stay valid until `step()` returns.
    func bind(_ index: Int32, borrowing bytes: UnsafeBufferPointer<UInt8>) {
        bindText(index, bytes, destructor: nil)
    }

    private func bindText(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>, destructor: sqlite3_destructor_type?) {
        // An empty buffer may have no address, and a null pointer would bind NULL, not ''.
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            sqlite3_bind_text(handle, index, "", 0, nil)
            return
        }
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { sqlite3_bind_text(handle, index, $0, Int32(bytes.count), destructor) }
    }

    /// Runs the statement once, then resets it and drops its bindings (no borrowed bytes stay
    /// bound). Returns the number of rows it changed.
    @discardableResult
    func step() throws -> Int {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// Runs a query once and reads its first row with `read` (nil when it has none), then resets
    /// the statement and drops its bindings: the coding write's lookups by key, where GRDB's
    /// arguments and row cost more than SQLite's own work.
    func firstRow<T>(_ read: (RawRow) -> T) throws -> T? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        return read(RawRow(handle: handle))
    }

    /// SQLite's `SQLITE_TRANSIENT` (the C macro is not imported): copy the bytes before returning.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// The current row of a `RawStatement`, read by column position (0 first).
struct RawRow {
    fileprivate let handle: SQLiteStatement

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(handle, column))
    }

    /// The column's text (nil when NULL), its bytes as stored.
    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
    }
}

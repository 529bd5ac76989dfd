import FieldworkCore
import Foundation
import GRDB

/// A stored value that does not mean what the schema says (an unknown status, an unreadable
/// time): reading stops with the table, column and value instead of guessing a default that
/// would quietly change a coding's status or date.
public struct CorruptRow: Error, CustomStringConvertible {
    public let table: String
    public let column: String
    public let value: String

    public var description: String {
        "the database holds an unreadable value in \(table).\(column): '\(value.prefix(40))' (restore a backup or rebuild with a fresh ingest)"
    }
}

extension Row {
    /// An enum stored by its raw text.
    func value<Value: RawRepresentable>(_ column: String, of table: String, as _: Value.Type = Value.self) throws -> Value
    where Value.RawValue == String {
        let text: String = self[column]
        guard let value = Value(rawValue: text) else { throw CorruptRow(table: table, column: column, value: text) }
        return value
    }

    /// A required timestamp (see `Timestamp`).
    func date(_ column: String, of table: String) throws -> Date {
        let text: String = self[column]
        guard let date = Timestamp.date(text) else { throw CorruptRow(table: table, column: column, value: text) }
        return date
    }

    /// An optional timestamp: NULL is nil, unreadable text is an error.
    func optionalDate(_ column: String, of table: String) throws -> Date? {
        guard let text: String = self[column] else { return nil }
        guard let date = Timestamp.date(text) else { throw CorruptRow(table: table, column: column, value: text) }
        return date
    }
}

extension Row {
    /// Every row of a query, each decoded by `decode` while it is still the statement's own row.
    ///
    /// Use this, not `Row.fetchAll(…).map(decode)`, wherever rows are read by column name: a
    /// copied row (`fetchAll`, `fetchOne`) finds a column by lower-casing every column's name on
    /// each lookup, while the statement's row looks the name up in the statement's table. On
    /// 40,000 codings the copies' lookups were a third of the needs register's time. `decode` must
    /// not keep the row: the cursor reuses it for the next one.
    static func decodeAll<Value>(_ statement: Statement, arguments: StatementArguments = StatementArguments(),
                                 _ decode: @escaping (Row) throws -> Value) throws -> [Value] {
        try Array(Row.fetchCursor(statement, arguments: arguments).map(decode))
    }

    static func decodeAll<Value>(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
                                 _ decode: @escaping (Row) throws -> Value) throws -> [Value] {
        try Array(Row.fetchCursor(db, sql: sql, arguments: arguments).map(decode))
    }

    /// The first row of a query decoded as `decodeAll` does, or nil.
    static func decodeOne<Value>(_ statement: Statement, arguments: StatementArguments = StatementArguments(),
                                 _ decode: (Row) throws -> Value) throws -> Value? {
        try first(of: Row.fetchCursor(statement, arguments: arguments), decode)
    }

    static func decodeOne<Value>(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments(),
                                 _ decode: (Row) throws -> Value) throws -> Value? {
        try first(of: Row.fetchCursor(db, sql: sql, arguments: arguments), decode)
    }

    /// The cursor must outlive the decoding: released (and its statement reset) as soon as
    /// `next()` returns, it would leave a row of NULLs.
    private static func first<Value>(of cursor: RowCursor, _ decode: (Row) throws -> Value) throws -> Value? {
        try withExtendedLifetime(cursor) { try cursor.next().map(decode) }
    }
}

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

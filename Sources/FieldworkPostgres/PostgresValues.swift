import FieldworkCore
import Foundation
import PostgresNIO

/// A stored value that does not mean what the schema says: reading stops with the table,
/// column and value instead of guessing a default (as the SQLite store's `CorruptRow`).
public struct CorruptPostgresRow: Error, CustomStringConvertible {
    public let table: String
    public let column: String
    public let value: String

    public var description: String {
        "the database holds an unreadable value in \(table).\(column): '\(value.prefix(40))'"
    }
}

/// Timestamps are stored as UTC ISO 8601 text with milliseconds, exactly as in the SQLite store
/// (`2026-11-27T13:29:38.123Z`): sortable as text, and a copy between the stores is verbatim.
enum PostgresTimestamp {
    static func text(_ date: Date) -> String { UTCTime.isoTimestamp(date: date) }

    static func date(_ text: String) -> Date? {
        UTCTime.parse(text).map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }
}

/// Lists and maps are `jsonb` columns: written as JSON text (cast in SQL), read back as text.
enum PostgresJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode<T: Decodable & Sendable>(_ type: T.Type, from text: String?, default fallback: T) -> T {
        StoredJSON.decode(type, from: text, default: fallback)
    }
}

extension PostgresRandomAccessRow {
    func get<T: PostgresDecodable>(_ column: String, as _: T.Type = T.self) throws -> T {
        try self[column].decode(T.self)
    }

    /// An enum stored by its raw text.
    func value<Value: RawRepresentable>(_ column: String, of table: String, as _: Value.Type = Value.self) throws -> Value
    where Value.RawValue == String {
        let text: String = try get(column)
        guard let value = Value(rawValue: text) else { throw CorruptPostgresRow(table: table, column: column, value: text) }
        return value
    }

    func date(_ column: String, of table: String) throws -> Date {
        let text: String = try get(column)
        guard let date = PostgresTimestamp.date(text) else { throw CorruptPostgresRow(table: table, column: column, value: text) }
        return date
    }

    func optionalDate(_ column: String, of table: String) throws -> Date? {
        guard let text: String = try get(column) else { return nil }
        guard let date = PostgresTimestamp.date(text) else { throw CorruptPostgresRow(table: table, column: column, value: text) }
        return date
    }

    func json<T: Decodable & Sendable>(_ column: String, default fallback: T) throws -> T {
        PostgresJSON.decode(T.self, from: try get(column, as: String?.self), default: fallback)
    }
}

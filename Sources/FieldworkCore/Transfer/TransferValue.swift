import Foundation

/// One value of a carried row (`TransferTable`), typed by its column's kind.
public enum TransferValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)
    /// JSON in canonical form (`TransferValue.canonicalJSON`): SQLite keeps the text as written,
    /// PostgreSQL's jsonb re-spaces and re-orders it, so only the canonical form compares.
    case json(String)

    /// The value's bytes in the checksum: a tag, then a fixed-width or length-prefixed body, so
    /// that no two different rows encode alike.
    func encode(into bytes: inout [UInt8]) {
        switch self {
        case .null: bytes.append(0)
        case .integer(let value): bytes.append(1); Self.append(UInt64(bitPattern: value), to: &bytes)
        case .real(let value): bytes.append(2); Self.append(value.bitPattern, to: &bytes)
        case .text(let text): bytes.append(3); Self.append(text, to: &bytes)
        case .boolean(let value): bytes.append(4); bytes.append(value ? 1 : 0)
        case .json(let text): bytes.append(5); Self.append(text, to: &bytes)
        }
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        append(UInt64(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }

    /// The JSON text with sorted keys and no spaces; nil if it is not JSON.
    public static func canonicalJSON(_ text: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object,
                                                     options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Rows of one table, in the table's order, as they pass from one store to the other.
public struct TransferBatch: Sendable {
    public let table: TransferTable
    /// The position of the first row in the whole table (0 for the first batch).
    public let offset: Int
    public let rows: [[TransferValue]]

    public init(table: TransferTable, offset: Int, rows: [[TransferValue]]) {
        self.table = table
        self.offset = offset
        self.rows = rows
    }
}

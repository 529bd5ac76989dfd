import FieldworkCore
import Foundation

/// Small lists and maps are stored as JSON text: SQLite's json functions can still query them,
/// and PostgreSQL's jsonb takes the same text.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A list of strings, hand-encoded: this runs once per segment during ingest, where a
    /// JSONEncoder per call dominated the store's share of the time.
    static func encode(_ strings: [String]) -> String {
        if strings.isEmpty { return "[]" }
        var json = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json += "," }
            json += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": json += "\\\""
                case "\\": json += "\\\\"
                case "\n": json += "\\n"
                case "\r": json += "\\r"
                case "\t": json += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: json.unicodeScalars.append(scalar)
                }
            }
            json += "\""
        }
        return json + "]"
    }

    static func encode(_ numbers: [Int64]) -> String {
        "[" + numbers.map(String.init).joined(separator: ",") + "]"
    }

    static func decode<T: Decodable & Sendable>(_ type: T.Type, from text: String?, default fallback: T) -> T {
        StoredJSON.decode(type, from: text, default: fallback)
    }
}

import Foundation
import Synchronization

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
        // Most stored lists are empty; skip the decoder for them (pages read hundreds per request).
        if text == "[]", let empty = [String]() as? T { return empty }
        guard let text else { return fallback }
        let key = DecodedKey(type: ObjectIdentifier(T.self), text: text)
        // Unwrapped before the cast: a miss cast to an optional `T` would read as a decoded nil.
        if let hit = decoded.withLock({ $0[key] }), let known = hit as? T { return known }
        guard let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else { return fallback }
        decoded.withLock { cache in
            if cache.count >= decodedLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = value
        }
        return value
    }

    /// Decoding is a pure function of the text, and the same small texts (a codebook's
    /// translations, the register's attributes and consents) are read on every page: a
    /// JSONDecoder per value cost more than the rest of opening a document. Bounded: it starts
    /// over when full.
    private struct DecodedKey: Hashable {
        let type: ObjectIdentifier
        let text: String
    }

    private static let decodedLimit = 4096
    private static let decoded = Mutex<[DecodedKey: any Sendable]>([:])
}

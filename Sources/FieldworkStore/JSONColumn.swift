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

    static func decode<T: Decodable>(_ type: T.Type, from text: String?, default fallback: T) -> T {
        guard let text, let value = try? JSONDecoder().decode(T.self, from: Data(text.utf8)) else { return fallback }
        return value
    }
}

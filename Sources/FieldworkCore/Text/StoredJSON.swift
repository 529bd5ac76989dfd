import Foundation
import Synchronization

/// Decodes the small JSON texts both stores keep in columns (a codebook's translations, the
/// register's attributes and consents, segment heading paths), remembering what each text
/// decoded to. Decoding is a pure function of the text, and the same few texts are read on every
/// page: a JSONDecoder per value cost more than the rest of opening a document (SQLite, session 7;
/// PostgreSQL's codebook read, session 8). Bounded: it starts over when full.
public enum StoredJSON {
    /// `fallback` for a missing or undecodable text.
    public static func decode<T: Decodable & Sendable>(_ type: T.Type, from text: String?, default fallback: T) -> T {
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

    private struct DecodedKey: Hashable {
        let type: ObjectIdentifier
        let text: String
    }

    private static let decodedLimit = 4096
    private static let decoded = Mutex<[DecodedKey: any Sendable]>([:])
}

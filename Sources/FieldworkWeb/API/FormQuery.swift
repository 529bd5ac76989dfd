import Foundation
import Hummingbird
import HummingbirdCore

/// A query string (or form body) read the way browsers write it: `application/x-www-form-urlencoded`,
/// where `+` is a space and `%2B` a plus sign.
///
/// Hummingbird's `queryParameters` only percent-decodes, so a form's `natten+lampan` arrived as
/// one word and a coder `Maja+L.` was stored with its plus. Every route reads its query through
/// this one type, so no route can decode differently.
struct FormQuery: Sendable {
    private let pairs: [(key: String, value: String)]

    init(_ encoded: String?) {
        pairs = (encoded ?? "").split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    /// The first value given for `key` (nil when absent).
    func get(_ key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// A switch such as `?easy_read=1`: on for `1`, `true` or `yes`, off when absent or anything else.
    func flag(_ key: String) -> Bool {
        ["1", "true", "yes"].contains(get(key) ?? "")
    }

    /// `?lang=` for a document written in one of `languages` (nil when absent or empty); any other
    /// language is refused with 400, not ignored: "`subject` written in sv or en".
    func language(among languages: [String], subject: String) throws -> String? {
        guard let language = get("lang"), !language.isEmpty else { return nil }
        guard languages.contains(language) else {
            throw APIError(.badRequest, "bad_request", "\(subject) written in \(languages.joined(separator: " or "))")
        }
        return language
    }

    /// Every value given for `key` (a repeated parameter such as `document`), in order.
    func getAll(_ key: String) -> [String] {
        pairs.filter { $0.key == key }.map(\.value)
    }

    /// `+` becomes a space, then `%XX` escapes are decoded; malformed escapes stay as typed.
    static func decode(_ component: Substring) -> String {
        let spaced = component.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension URI {
    /// The query string decoded as a browser's form (see `FormQuery`).
    var form: FormQuery { FormQuery(query) }
}

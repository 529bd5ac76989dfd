import Foundation
import FieldworkCore

/// Every user-visible string of the browser interface, per language, from the package's
/// `Static/messages.<language>.json` (flat objects: key → text with `{name}` placeholders;
/// counted texts have a `.one` and an `.other` key). Pages and scripts read the same files.
struct MessageCatalogue: Sendable {
    let tables: [InterfaceLanguage: [String: String]]
    /// Each message as HTML, escaped once: most texts of a page are asked for without values,
    /// and filling them on every request was a fifth of a page's frame.
    let escaped: [InterfaceLanguage: [String: SafeHTML]]

    init(tables: [InterfaceLanguage: [String: String]]) {
        self.tables = tables
        escaped = tables.mapValues { $0.mapValues { SafeHTML(text: $0) } }
    }

    /// The catalogues bundled with the server, read once.
    static let bundled: MessageCatalogue = {
        var tables: [InterfaceLanguage: [String: String]] = [:]
        for language in InterfaceLanguage.allCases {
            tables[language] = (try? loadTable(language)) ?? [:]
        }
        return MessageCatalogue(tables: tables)
    }()

    static func loadTable(_ language: InterfaceLanguage) throws -> [String: String] {
        guard let folder = Bundle.module.url(forResource: "Static", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "messages.\(language.rawValue).json is missing from the bundle"])
        }
        let url = folder.appending(path: "messages.\(language.rawValue).json")
        return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
    }

    /// The catalogue as a classic script that sets `window.fieldworkMessages` before the
    /// modules run (served as `/static/messages.<language>.js`; the CSP allows same-origin scripts).
    func script(for language: InterfaceLanguage) -> String {
        let table = tables[language] ?? [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(table)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "window.fieldworkMessages = Object.freeze(\(json));\n"
    }
}

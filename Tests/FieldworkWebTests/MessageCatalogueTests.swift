import FieldworkCore
@testable import FieldworkWeb
import Foundation
import Testing

/// The interface's message catalogues: both languages complete, every key the pages and scripts
/// use present, and no user-visible text left in page code or scripts outside the catalogue.
@Suite struct MessageCatalogueTests {
    static let sources = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Sources/FieldworkWeb")

    static func files(_ folder: String, _ suffix: String) throws -> [(name: String, text: String)] {
        let url = sources.appending(path: folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(suffix) }.sorted()
            .map { ($0, try String(contentsOf: url.appending(path: $0), encoding: .utf8)) }
    }

    static func matches(_ pattern: String, in text: String, group: Int = 1) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { Range($0.range(at: group), in: text).map { String(text[$0]) } }
    }

    static func placeholders(_ text: String) -> Set<String> { Set(matches("\\{(\\w+)\\}", in: text)) }

    @Test func bothLanguagesHaveTheSameKeysAndPlaceholders() throws {
        let english = try MessageCatalogue.loadTable(.en), swedish = try MessageCatalogue.loadTable(.sv)
        #expect(english.count > 300)
        #expect(Set(english.keys).subtracting(swedish.keys).sorted() == [], "missing in Swedish")
        #expect(Set(swedish.keys).subtracting(english.keys).sorted() == [], "missing in English")
        for (key, text) in english {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in English")
            guard let other = swedish[key] else { continue }
            #expect(!other.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) is empty in Swedish")
            #expect(Self.placeholders(text) == Self.placeholders(other), "\(key) has other placeholders in Swedish")
        }
    }

    @Test func everyKeyThePagesAndScriptsUseIsInTheCatalogue() throws {
        let table = try MessageCatalogue.loadTable(.en)
        var used: [(String, String)] = []
        for (name, text) in try Self.files("Pages", ".swift") + Self.files("Localization", ".swift") {
            used += Self.matches(#"\bt(?:\.html)?\("([a-zA-Z][\w.-]+)""#, in: text).map { (name, $0) }
            used += Self.matches(#"\bt\.count\("([a-zA-Z][\w.-]+)""#, in: text).flatMap { [(name, $0 + ".one"), (name, $0 + ".other")] }
        }
        for (name, text) in try Self.files("Static", ".js") {
            used += Self.matches(#"\bt\('([a-zA-Z][\w.-]+)'"#, in: text).map { (name, $0) }
            used += Self.matches(#"\btn\('([a-zA-Z][\w.-]+)'"#, in: text).flatMap { [(name, $0 + ".one"), (name, $0 + ".other")] }
        }
        #expect(used.count > 300)
        // Keys built from a value: every value has its key.
        used += Layout.Section.allCases.map { ("Layout.swift", "nav.\($0.rawValue)") }
        used += Administration.allCases.map { ("Localizer.swift", "administration.\($0.rawValue)") }
        used += DocumentType.allCases.map { ("Localizer.swift", "doctype.\($0.rawValue)") }
        used += InterfaceLanguage.allCases.map { ("Localizer.swift", "language.\($0.rawValue)") }
        used += ParticipantRole.allCases.map { ("Localizer.swift", "role.\($0.rawValue)") }
        used += ["resident", "relative", "staff", "other"].flatMap { [("Localizer.swift", "people.\($0).one"), ("Localizer.swift", "people.\($0).other")] }
        used += CodeKind.allCases.map { ("codebook.js", "kind.\($0.rawValue)") }
        used += AuditAction.allCases.map { ("AuditPage.swift", "audit.action.\($0.rawValue)") }
        used += Role.allCases.map { ("AccountChrome.swift", "account.role.\($0.rawValue)") }
        used += ConsentRule.Reason.allCases.map { ("Localizer.swift", "withheld.reason.\($0)") }
        used += NeedSolutionLink.Status.allCases.map { ("Localizer.swift", "link.status.\($0.rawValue)") }
        used += AgreementValue.Reason.allCases.map { ("AgreementPage.swift", "agreement.reason.\($0)") }
        used += ["participant", "document", "administration"].flatMap { [("MatrixPage.swift", "matrix.rows.\($0)"), ("MatrixPage.swift", "matrix.rowsName.\($0)")] }
        used += RegisterProblem.Kind.allCases.map { ("RegisterPage.swift", RegisterProblem(file: "", line: 0, $0, [:]).catalogueKey) }
        for (file, key) in used {
            #expect(table[key] != nil, "\(file) uses \(key), which the catalogue lacks")
        }
    }

    /// Text between tags or in a labelling attribute of the pages' HTML must come from the
    /// catalogue (an interpolation); code and key caps, the brand and punctuation may stay.
    @Test func pagesHoldNoLiteralText() throws {
        var found: [String] = []
        for (name, text) in try Self.files("Pages", ".swift") + Self.files("Localization", ".swift") {
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                let line = String(line)
                for node in Self.matches(#"<(?!code|kbd|/)(\w+)[^<>]*>([^<>]*\p{L}{2,}[^<>]*)<"#, in: line, group: 2)
                where !node.contains("\\(") && !node.contains("\"") && node != "Fieldwork" {
                    found.append("\(name): >\(node)<")
                }
                for value in Self.matches(#"(?:aria-label|placeholder|title|alt)=\\?"([^"\\]*\p{L}{2,}[^"\\]*)\\?""#, in: line)
                where !value.contains("\\(") {
                    found.append("\(name): attribute \(value)")
                }
            }
        }
        #expect(found == [])
    }

    /// A string literal in a script that reads as words for people: one starting with a
    /// capitalised word, or three words in a row. Key names, headers and events are no text.
    @Test func scriptsHoldNoLiteralText() throws {
        let allowed: Set<String> = ["Escape", "Enter", "Tab", "Home", "End", "Shift", "Ctrl", "Alt", "F2", "ArrowDown", "ArrowUp",
                                    "ArrowLeft", "ArrowRight", "PageDown", "PageUp", "Content-Type", "X-CSRF-Token",
                                    "DOMContentLoaded", "Control+Enter", "Control+Z", "Esc", "GET", "POST", "PATCH", "DELETE"]
        var found: [String] = []
        for (name, text) in try Self.files("Static", ".js") where !name.hasPrefix("messages.") {
            for line in text.split(separator: "\n") {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") || code.hasPrefix("*") || code.hasPrefix("/*") { continue }
                let literals = Self.matches(#"'([^'\n]*)'"#, in: code) + Self.matches(#"`([^`\n]*)`"#, in: code)
                for literal in literals where !allowed.contains(literal) {
                    let prose = literal.replacingOccurrences(of: #"\$\{[^}]*\}"#, with: "", options: .regularExpression)
                    let sentence = prose.range(of: #"^\p{Lu}\p{Ll}"#, options: .regularExpression) != nil
                    let words = prose.range(of: #"\p{L}{2,} \p{L}{2,} \p{L}{2,}"#, options: .regularExpression) != nil
                    if sentence || words { found.append("\(name): \(literal)") }
                }
            }
        }
        #expect(found == [])
    }

    @Test func acceptLanguageChoosesAmongOurLanguages() {
        #expect(InterfaceLanguage.preferred(acceptLanguage: "sv-SE,sv;q=0.9,en;q=0.8") == .sv)
        #expect(InterfaceLanguage.preferred(acceptLanguage: "de, en;q=0.5, sv;q=0.4") == .en)
        #expect(InterfaceLanguage.preferred(acceptLanguage: "en;q=0.2, sv;q=0.7") == .sv)
        #expect(InterfaceLanguage.preferred(acceptLanguage: "de") == nil)
        #expect(InterfaceLanguage.of(cookie: "en", acceptLanguage: "sv", workspaceDefault: .sv) == .en)
        #expect(InterfaceLanguage.of(cookie: nil, acceptLanguage: "de", workspaceDefault: .sv) == .sv)
        #expect(InterfaceLanguage.of(cookie: "xx", acceptLanguage: nil, workspaceDefault: .en) == .en)
    }
}

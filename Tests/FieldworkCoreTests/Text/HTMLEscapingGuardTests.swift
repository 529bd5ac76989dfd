import Foundation
import Testing

/// HTML has one escaper (`HTMLEscaping`), reached only through `SafeHTML`: a page or handout that
/// escapes by hand can forget to, and one forgotten call is an XSS. This scans every Swift file
/// under `Sources/` and names each offending line.
@Suite struct HTMLEscapingGuardTests {
    static let sources = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "Sources")

    /// The escaper and the type that uses it.
    static let escaperFiles: Set<String> = ["FieldworkCore/Text/HTMLEscaping.swift", "FieldworkCore/Text/SafeHTML.swift"]
    /// Escapers for other languages than HTML, which write entities themselves: XML for REFI-QDA
    /// (whitespace kept in attributes) and DOT's quoted strings (Graphviz decodes `&amp;`).
    static let otherLanguages: Set<String> = ["FieldworkExchange/XElement.swift", "FieldworkCore/Actors/DOTQuoting.swift"]

    static func swiftFiles() throws -> [(path: String, lines: [Substring])] {
        let root = sources.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return try walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { path in
            (path, try String(contentsOfFile: root + path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    /// Where a rule is broken, as `file:line: the line`.
    static func offences(_ rule: (String, Substring, Substring?) -> Bool) throws -> [String] {
        var found: [String] = []
        for file in try swiftFiles() {
            for (index, line) in file.lines.enumerated() where rule(file.path, line, index > 0 ? file.lines[index - 1] : nil) {
                found.append("Sources/\(file.path):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        return found
    }

    static func matches(_ line: Substring, _ pattern: String) -> Bool {
        line.range(of: pattern, options: .regularExpression) != nil
    }

    @Test func theSourcesAreFound() throws {
        let files = try Self.swiftFiles().map(\.path)
        #expect(files.count > 100)
        #expect(Self.escaperFiles.isSubset(of: Set(files)))
    }

    /// No `HTML.escape`, `HTMLText.escape`, `HTMLEscaping.escape` or the like outside SafeHTML.
    @Test func noHTMLEscapeCallOutsideSafeHTML() throws {
        let found = try Self.offences { path, line, _ in
            !Self.escaperFiles.contains(path) && Self.matches(line, #"\b\w*HTML\w*\s*\.\s*escape\w*\b|\bHTMLEscaping\b"#)
        }
        #expect(found == [], "escape HTML by interpolating into SafeHTML: \(found.joined(separator: "\n"))")
    }

    /// No hand-written HTML escaper beside the one: no entity written as a replacement
    /// (`"&lt;"` as a string of its own), as an escaper writes it.
    @Test func noOtherEscaperWritesEntities() throws {
        let found = try Self.offences { path, line, _ in
            let code = line.trimmingCharacters(in: .whitespaces)
            return !Self.escaperFiles.contains(path) && !Self.otherLanguages.contains(path) && !code.hasPrefix("//")
                && Self.matches(line, #""&(lt|gt|amp|quot|apos|#39|#x27);""#)
        }
        #expect(found == [], "\(found.joined(separator: "\n"))")
    }

    /// Raw markup comes in only through `SafeHTML(trusted:)`, each use saying on the line above
    /// (`// trusted: …`) why its text cannot hold anything from a transcript, codebook or request.
    @Test func everyTrustedMarkupSaysWhy() throws {
        let found = try Self.offences { path, line, previous in
            !Self.escaperFiles.contains(path) && Self.matches(line, #"\btrusted:"#) && !line.contains("// trusted:")
                && !(previous?.contains("// trusted:") ?? false)
        }
        #expect(found == [], "\(found.joined(separator: "\n"))")
    }
}

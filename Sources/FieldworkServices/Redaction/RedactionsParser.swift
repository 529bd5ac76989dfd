import FieldworkCore
import Foundation
import Yams

/// Reads `corpus/redactions.yaml`:
///
/// ```yaml
/// redactions:
///   - {identifier: "Anna Svensson", replacement: "[R07]"}
///   - {identifier: Norrby, replacement: "[area]"}
/// ```
///
/// Every problem names its line; problems never quote an identifier (they are real names).
enum RedactionsParser {
    private static let keys: Set<String> = ["identifier", "replacement", "notes"]

    static func parse(_ source: SourceText) throws -> Redactions {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        let top = reader.mapping(root, allowed: ["redactions"], what: "redactions.yaml") ?? [:]
        var entries: [Redactions.Entry] = []
        var seen: [String: Int] = [:]
        switch top["redactions"] {
        case .sequence(let items)?:
            for item in items {
                guard let fields = reader.mapping(item, allowed: keys, what: "a redaction") else { continue }
                let line = reader.line(of: item)
                guard let identifier = reader.string(fields, "identifier", in: item, required: true),
                      let replacement = reader.string(fields, "replacement", in: item, required: true) else { continue }
                let identifierText = identifier.precomposedStringWithCanonicalMapping
                if let first = seen[identifierText] {
                    reader.report(line: line, "the identifier is listed twice (first on line \(first))")
                    continue
                }
                if identifierText.contains("\"") || identifierText.contains("\n") {
                    reader.report(line: line, "an identifier cannot hold a double quote or a line break")
                    continue
                }
                if let bad = replacement.unicodeScalars.first(where: { !Self.allowed($0) }) {
                    reader.report(fields["replacement"], "replacement may hold letters, digits, spaces and []()-_. only (not '\(bad)')")
                    continue
                }
                if !Redactions([.init(identifier: identifierText, replacement: "")]).matches(in: Array(replacement.unicodeScalars)).isEmpty {
                    reader.report(fields["replacement"], "the replacement contains its own identifier")
                    continue
                }
                seen[identifierText] = line
                entries.append(.init(identifier: identifierText, replacement: replacement, line: line))
            }
        case nil:
            break
        case let other?:
            if !other.isNull { reader.report(other, "'redactions' must be a list") }
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return Redactions(entries)
    }

    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || " []()-_.".unicodeScalars.contains(scalar)
    }
}

extension Workspace {
    public var redactionsFile: URL { corpus.appending(path: "redactions.yaml") }

    /// The workspace's redactions (none when there is no file); problems throw with file:line.
    public func redactions() throws -> Redactions {
        guard FileManager.default.fileExists(atPath: redactionsFile.path) else { return Redactions([]) }
        return try RedactionsParser.parse(SourceText.read(redactionsFile, path: relativePath(of: redactionsFile)))
    }
}

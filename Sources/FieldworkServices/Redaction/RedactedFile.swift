import FieldworkCore
import Foundation
import Yams

/// A corpus file with its identifiers replaced. The Markdown body gets each replacement escaped
/// (so the plain text is exactly the redacted plain text); the YAML front matter gets it as it is
/// when the YAML keeps its shape (`title: Samtal med [R07]`), else as a double-quoted YAML string
/// (`interviewer: [facilitator]` would have become a list, and the next ingest failed the file).
/// When neither keeps the front matter's shape, nothing is written: the problem names the line.
enum RedactedFile {
    static func text(_ scalars: [Unicode.Scalar], matches: [Redactions.Match], path: String) throws -> String {
        let frontMatterEnd = Self.frontMatterEnd(scalars)
        let inFrontMatter = matches.filter { $0.range.lowerBound < frontMatterEnd }
        guard !inFrontMatter.isEmpty else { return compose(scalars, matches, frontMatterEnd: frontMatterEnd, quoted: false) }
        let before = try? shape(of: scalars, frontMatterEnd: frontMatterEnd)
        for quoted in [false, true] {
            let text = compose(scalars, matches, frontMatterEnd: frontMatterEnd, quoted: quoted)
            let after = Array(text.unicodeScalars)
            if let before, let shape = try? shape(of: after, frontMatterEnd: Self.frontMatterEnd(after)), shape == before { return text }
        }
        let first = inFrontMatter[0]
        let line = scalars[..<first.range.lowerBound].filter { $0 == "\n" }.count + 1
        throw SourceProblem(file: path, line: line, "the front matter cannot take the replacement '\(first.entry.replacement)' "
            + "(corpus/redactions.yaml:\(first.entry.line)) and stay valid YAML; quote the value in the file, or choose another "
            + "replacement; nothing was changed")
    }

    private static func compose(_ scalars: [Unicode.Scalar], _ matches: [Redactions.Match], frontMatterEnd: Int, quoted: Bool) -> String {
        var text = ""
        var last = 0
        for match in matches {
            text.unicodeScalars.append(contentsOf: scalars[last..<match.range.lowerBound])
            let replacement = match.entry.replacement
            if match.range.lowerBound < frontMatterEnd {
                text += quoted && isWholeValue(match.range, in: scalars) ? doubleQuoted(replacement) : replacement
            } else {
                text += MarkdownEscaping.markdown(forPlainText: replacement)
            }
            last = match.range.upperBound
        }
        text.unicodeScalars.append(contentsOf: scalars[last...])
        return text
    }

    /// Whether the match is a whole YAML value (`key: NAME`, a list's `- NAME`, `[NAME, …]`), the
    /// only place a quoted replacement stays the same value (inside one, the quotes would show).
    private static func isWholeValue(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        var before = range.lowerBound - 1
        while before >= 0, scalars[before] == " " { before -= 1 }
        var after = range.upperBound
        while after < scalars.count, scalars[after] == " " { after += 1 }
        let opens = before >= 0 && [":", "[", ",", "-"].contains(scalars[before])
        let closes = after == scalars.count || ["\n", "\r", ",", "]", "#"].contains(scalars[after])
        return opens && closes
    }

    /// A YAML double-quoted scalar.
    private static func doubleQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// What the front matter's YAML is made of, without its words: the kinds of its values, in
    /// their lists and mappings, so a replacement that turned a name into a list is seen.
    private static func shape(of scalars: [Unicode.Scalar], frontMatterEnd: Int) throws -> String {
        let yaml = String(String.UnicodeScalarView(scalars[..<frontMatterEnd]))
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast().joined(separator: "\n")
        return shape(of: try Yams.load(yaml: yaml))
    }

    private static func shape(of value: Any?) -> String {
        switch value {
        case let list as [Any]: "[" + list.map { shape(of: $0) }.joined(separator: ",") + "]"
        case let mapping as [String: Any]: "{" + mapping.keys.sorted().map { "\($0):" + shape(of: mapping[$0]) }.joined(separator: ",") + "}"
        case is String: "text"
        case nil: "nothing"
        case let other?: "\(type(of: other))"
        }
    }

    /// Where the front matter (`---` … `---`) ends; 0 when there is none.
    static func frontMatterEnd(_ scalars: [Unicode.Scalar]) -> Int {
        let text = String(String.UnicodeScalarView(scalars))
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n"), let close = text.range(of: "\n---", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else { return 0 }
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: close.upperBound)
    }
}

import FieldworkCore
import Foundation
import Yams

/// Brings one codebook file to a new set of codes by editing only the lines that change, so a
/// browser edit keeps the researchers' comments, blank lines, key order and scalar styles
/// everywhere else (the YAML files are the shared source of truth, often kept in git).
///
/// Edits are line-based, located through the YAML parser's marks: a code is the block of lines
/// from its first key to its last line indented at least as deep; a key's value is what follows
/// it indented deeper. Comment lines at the end of a block stay where they are. The result is
/// parsed again and must hold exactly the intended codes (`matches`); otherwise the caller
/// writes the file canonically instead, so a patch can never change meaning.
struct CodebookTextPatch {
    private(set) var lines: [String]
    let file: String
    /// The file's line ending, kept on output (edits work on LF lines).
    private let lineEnding: String

    init(text: String, file: String) {
        lineEnding = text.contains("\r\n") ? "\r\n" : "\n"
        lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.file = file
    }

    var text: String { lines.joined(separator: lineEnding) }

    /// Where a code sits in the text (0-based lines, columns in spaces).
    struct Located {
        var line: Int
        var keyIndent: Int
        var keys: [String: Int]
        /// The values of those keys, as parsed.
        var values: [String: Node]
        /// One past its last content line.
        var end: Int
    }

    /// The file's codes and their places; nil if the text does not parse as a codebook.
    func locate() -> [String: Located]? {
        // YAML also breaks lines at a lone CR, NEL, LS and PS; our line numbers would then
        // disagree with the parser's, so such a file is not patched (the caller writes it whole).
        let otherBreaks: Set<Unicode.Scalar> = ["\r", "\u{85}", "\u{2028}", "\u{2029}"]
        guard !lines.contains(where: { $0.unicodeScalars.contains(where: otherBreaks.contains) }),
              let root = (try? Yams.compose(yaml: text)) ?? nil else { return nil }
        guard let codes = root.mapping?["codes"] else { return [:] }
        var found: [String: Located] = [:]
        func walk(_ node: Node) {
            for item in node.sequence ?? [] {
                guard let mapping = item.mapping, let id = mapping["id"]?.string, let mark = item.mark else { continue }
                var keys: [String: Int] = [:], values: [String: Node] = [:]
                for (key, value) in mapping {
                    if let name = key.string, let line = key.mark?.line { keys[name] = line - 1; values[name] = value }
                }
                let line = mark.line - 1, indent = mark.column - 1
                guard lines.indices.contains(line), keys.values.allSatisfy(lines.indices.contains) else { continue }
                found[id] = Located(line: line, keyIndent: indent, keys: keys, values: values,
                                    end: blockEnd(from: line, deeperThan: indent - 1))
                if let children = mapping["children"] { walk(children) }
            }
        }
        walk(codes)
        return found
    }

    // MARK: Edits

    /// Sets (or, with nil, removes) a scalar key of a code, rendered as the canonical writer would.
    mutating func set(_ key: String, of id: String, to value: Node?, before successors: [String]) -> Bool {
        guard let code = locate()?[id] else { return false }
        if let keyLine = code.keys[key] {
            let end = blockEnd(from: keyLine, deeperThan: code.keyIndent, listItems: true)
            var new = value.map { keptItems(code.values[key], keyLine: keyLine, end: end, new: $0)
                ?? keptLanguages(code.values[key], keyLine: keyLine, end: end, new: $0)
                ?? rendered([(key, $0)], indent: code.keyIndent) } ?? []
            // A comment after a one-line value stays on the line.
            if end == keyLine + 1, new.count == 1, let comment = trailingComment(of: lines[keyLine]) { new[0] += comment }
            lines.replaceSubrange(keyLine..<end, with: new)
            return true
        }
        guard let value else { return true }
        // A new key goes before the first of the keys that follow it in canonical order.
        let anchor = successors.compactMap { code.keys[$0] }.min() ?? code.end
        lines.insert(contentsOf: rendered([(key, value)], indent: code.keyIndent), at: anchor)
        return true
    }

    /// The lines of a value given per language (a block mapping) where only some languages'
    /// texts change: the others keep their lines as written (folding, quoting, comments), so
    /// an edit in Swedish does not re-wrap the English. Nil when the old or new value is not a
    /// block mapping below its key line (then the whole value is rendered).
    private func keptLanguages(_ old: Node?, keyLine: Int, end: Int, new: Node) -> [String]? {
        // (A parsed mapping's style reads `.any`; a flow one sits on its key's line, refused below.)
        guard let old = old?.mapping, old.style != .flow, let new = new.mapping, new.style == .block else { return nil }
        // A language's text: a string, or a list of them (examples, questions).
        func plain(_ node: Node) -> [String]? { node.string.map { [$0] } ?? node.sequence.flatMap { items in
            let strings = items.compactMap(\.string)
            return strings.count == items.count ? strings : nil
        } }
        var written: [String: (text: [String]?, lines: [String])] = [:]
        var indent: Int?
        for (language, text) in old {
            guard let name = language.string, let line = language.mark.map({ $0.line - 1 }), line > keyLine, line < end else { return nil }
            let depth = indentation(of: lines[line])
            guard indent == nil || indent == depth else { return nil }
            indent = depth
            written[name] = (plain(text), Array(lines[line..<blockEnd(from: line, deeperThan: depth, listItems: true)]))
        }
        guard let indent else { return nil }
        var result = [lines[keyLine]]
        for (language, text) in new {
            guard let name = language.string else { return nil }
            if let kept = written[name], kept.text != nil, kept.text == plain(text) {
                result += kept.lines
            } else {
                result += rendered([(name, text)], indent: indent)
            }
        }
        return result
    }

    /// The lines of a block list that lost items (an erasure removing quoted examples): the
    /// items that stay keep their lines as written (quoting, folding, comments). Nil unless
    /// the new list is the old one with items left out, each item starting its own line.
    private func keptItems(_ old: Node?, keyLine: Int, end: Int, new: Node) -> [String]? {
        guard let old = old?.sequence, let new = new.sequence, new.count < old.count else { return nil }
        var starts: [Int] = []
        for item in old {
            guard let line = item.mark.map({ $0.line - 1 }), line > keyLine, line < end, !starts.contains(line),
                  lines[line].drop(while: { $0 == " " }).hasPrefix("-") else { return nil }
            starts.append(line)
        }
        // Comment lines above the first item are the team's notes on the list: they stay.
        var result = Array(lines[keyLine..<starts[0]])
        var next = 0
        for (index, item) in old.enumerated() where next < new.count && item.string != nil && item.string == new[next].string {
            result += lines[starts[index]..<(index + 1 < starts.count ? starts[index + 1] : end)]
            next += 1
        }
        return next == new.count ? result : nil
    }

    /// Takes a code's block (with its children, and the comment lines right above it, which
    /// are about it) out of the text; returns it without indentation. A `children:` key left
    /// with no children goes too.
    mutating func cut(_ id: String) -> [String]? {
        guard let code = locate()?[id], let dash = dashIndent(of: code) else { return nil }
        var start = code.line
        while start > 0, indentation(of: lines[start - 1]) == dash, lines[start - 1].drop(while: { $0 == " " }).hasPrefix("#") {
            start -= 1
        }
        let block = Array(lines[start..<code.end])
        lines.removeSubrange(start..<code.end)
        if let emptied = locate()?.values.compactMap({ owner in owner.keys["children"].map { (owner, $0) } })
            .first(where: { owner, line in blockEnd(from: line, deeperThan: owner.keyIndent, listItems: true) == line + 1 && lines[line].hasSuffix("children:") }) {
            lines.remove(at: emptied.1)
        }
        return block.map { String($0.dropFirst(min(dash, indentation(of: $0)))) }
    }

    /// Appends a code's block (lines indented from 0, starting with `- `) as the last child of
    /// `parent`, or as the last top-level code.
    mutating func append(_ block: [String], under parent: String?) -> Bool {
        guard let codes = locate() else { return false }
        if let parent {
            guard let owner = codes[parent] else { return false }
            if owner.keys["children"] != nil {
                let siblings = codes.values.filter { $0.line > owner.keys["children"]! && $0.end <= owner.end && $0.keyIndent > owner.keyIndent }
                guard let first = siblings.min(by: { $0.line < $1.line }), let dash = dashIndent(of: first) else { return false }
                let end = siblings.filter { $0.keyIndent == first.keyIndent }.map(\.end).max() ?? owner.end
                lines.insert(contentsOf: indented(block, by: dash), at: end)
            } else {
                lines.insert(contentsOf: [String(repeating: " ", count: owner.keyIndent) + "children:"]
                             + indented(block, by: owner.keyIndent + 2), at: owner.end)
            }
            return true
        }
        let roots = codes.values.filter { root in !codes.values.contains { $0.line < root.line && root.end <= $0.end && $0.keyIndent < root.keyIndent } }
        if let first = roots.min(by: { $0.line < $1.line }), let dash = dashIndent(of: first) {
            lines.insert(contentsOf: indented(block, by: dash), at: roots.map(\.end).max()!)
        } else {
            guard let codesLine = lines.firstIndex(where: { $0.hasPrefix("codes:") }) else { return false }
            lines[codesLine] = "codes:"
            lines.insert(contentsOf: indented(block, by: 2), at: blockEnd(from: codesLine, deeperThan: 0))
        }
        return true
    }

    /// Whether the text now holds exactly `intended`: the same codes with the same fields, and
    /// every parent's children in the same order.
    func matches(_ intended: [Code]) -> Bool {
        guard let parsed = try? CodebookParser.parse([SourceText(path: file, text: text, contentHash: "")]) else { return false }
        func comparable(_ codes: [Code]) -> [String: [String]] {
            var shape: [String: [String]] = [:]
            for code in codes.sorted(by: { $0.position < $1.position }) {
                shape[code.parentID ?? "", default: []].append(code.id)
                shape["#" + code.id] = [code.name, code.kind.rawValue, code.description ?? "", code.include ?? "",
                                        code.exclude ?? "", code.color ?? "", code.parentID ?? ""] + code.examples + ["|"] + code.formerly
                    + ["|"] + code.questions + code.translations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            }
            return shape
        }
        return comparable(parsed.codes) == comparable(intended)
    }

    // MARK: Text helpers

    /// One past the last line after `start` indented deeper than `indent` (blank and comment
    /// lines in between belong to the block; trailing ones do not). With `listItems`, lines at
    /// `indent` that open a list item belong too: YAML lets a key's list start at the key's column.
    private func blockEnd(from start: Int, deeperThan indent: Int, listItems: Bool = false) -> Int {
        var last = start
        for index in (start + 1)..<max(start + 1, lines.count) {
            let line = lines[index]
            let content = line.drop(while: { $0 == " " })
            if content.isEmpty || content.hasPrefix("#") { continue }
            let depth = indentation(of: line)
            guard depth > indent || (listItems && depth == indent && content.hasPrefix("-")) else { break }
            last = index
        }
        return last + 1
    }

    /// The column of the `-` that opens a code's item (the item's first key follows it).
    private func dashIndent(of code: Located) -> Int? {
        let line = Array(lines[code.line])
        guard let dash = line[..<min(code.keyIndent, line.count)].lastIndex(of: "-") else { return nil }
        return dash
    }

    /// `   # note` at the end of a `key: value` line, with its spacing: the first `#` after a
    /// space where the line without the rest still reads as the same value (a `#` inside a
    /// quoted value is not a comment).
    private func trailingComment(of line: String) -> String? {
        let value = { (text: Substring) in (try? Yams.compose(yaml: String(text)))?.mapping?.first?.value.string }
        guard let whole = value(line[...]) else { return nil }
        for index in line.indices where line[index] == "#" && index > line.startIndex && line[line.index(before: index)] == " " {
            let before = line[..<index]
            let trimmed = before.reversed().drop(while: { $0 == " " }).count
            if value(line.prefix(trimmed)) == whole { return String(line[line.index(line.startIndex, offsetBy: trimmed)...]) }
        }
        return nil
    }

    private func indentation(of line: String) -> Int { line.prefix(while: { $0 == " " }).count }

    private func indented(_ block: [String], by width: Int) -> [String] {
        block.map { $0.isEmpty ? $0 : String(repeating: " ", count: width) + $0 }
    }

    private func rendered(_ pairs: [(String, Node)], indent: Int) -> [String] {
        let yaml = (try? Yams.serialize(node: Node(pairs.map { (Node($0.0), $0.1) }), allowUnicode: true)) ?? ""
        return indented(yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init), by: indent)
    }
}

import FieldworkCore

/// The codebook as a Markdown document for people: a heading per code (nested by depth), its
/// id, kind, colour and number of codings, then the definition, include and exclude rules and
/// examples. Text from the codebook is escaped, so it shows as typed, never as markup.
enum CodebookMarkdown {
    static func render(_ codebook: Codebook, order: [Code], counts: [String: Int]) -> String {
        var lines = ["# Codebook", "", "\(codebook.codes.count) codes. Ids are stable: codings refer to them.", ""]
        for code in order {
            // Markdown has six heading levels; deeper codes share the last one.
            let level = min(2 + codebook.depth(of: code.id), 6)
            lines.append(String(repeating: "#", count: level) + " " + escape(code.name) + " (`\(code.id)`)")
            lines.append("")
            var facts = ["Kind: \(code.kind.rawValue)", "codings: \(counts[code.id] ?? 0)"]
            if let color = code.color { facts.insert("colour: \(color)", at: 1) }
            if let parent = code.parentID { facts.append("under `\(parent)`") }
            lines.append(facts.joined(separator: " · "))
            lines.append("")
            if let description = code.description {
                lines += [escape(description), ""]
            }
            if let include = code.include { lines += ["**Include:** " + escape(include), ""] }
            if let exclude = code.exclude { lines += ["**Exclude:** " + escape(exclude), ""] }
            if !code.examples.isEmpty {
                lines += ["**Examples:**", ""] + code.examples.map { "- " + escape($0) } + [""]
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Backslash-escapes the ASCII punctuation that can start markup anywhere in a line, and folds
    /// line breaks into spaces (a line starting with `-` or `1.` would otherwise start a list).
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text.trimmingSpaces {
            if "\\`*_[]<>#|&~!".contains(character) { escaped.append("\\") }
            escaped.append(character.isNewline ? " " : character)
        }
        return escaped
    }
}

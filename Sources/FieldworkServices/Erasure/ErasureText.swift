import Foundation

/// The text edits of an erasure: cutting a participant out of a corpus file and out of the
/// YAML registers, line by line, leaving everything else as the team wrote it.
enum ErasureText {
    /// The corpus file without the given lines, and without the participant's pseudonym in the
    /// front matter's `participants` and in group roster lines (`Deltagare: R01, R07.`).
    static func redactCorpusFile(_ text: String, dropping lines: Set<Int>, participant id: String) -> String {
        // Ingest reads CRLF as LF; so does this edit (the file is written back with LF).
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        var output: [Substring] = []
        var inFrontMatter = false
        var frontMatterSeen = false
        var inParticipantsList = false
        var afterCut = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if lines.contains(number) {
                afterCut = true
                continue
            }
            // A cut paragraph leaves one blank line between its neighbours, not two.
            defer { afterCut = false }
            if afterCut, line.isEmpty, output.last?.isEmpty == true { continue }
            if line == "---" {
                if !frontMatterSeen { inFrontMatter = true; frontMatterSeen = true } else if inFrontMatter { inFrontMatter = false }
                output.append(line)
                continue
            }
            if inFrontMatter {
                if line.hasPrefix("participants:") {
                    inParticipantsList = true
                    output.append(Substring(removeToken(id, fromListLine: line)))
                    continue
                }
                if inParticipantsList, line.trimmingCharacters(in: .whitespaces).hasPrefix("-") {
                    if line.trimmingCharacters(in: .whitespaces).dropFirst().trimmingCharacters(in: .whitespaces) == id { continue }
                } else {
                    inParticipantsList = false
                }
                output.append(line)
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("Deltagare:") || trimmed.hasPrefix("Participants:") {
                output.append(Substring(removeToken(id, fromListLine: line)))
            } else {
                output.append(line)
            }
        }
        return output.joined(separator: "\n")
    }

    /// `key: [A, B, C]` or `Deltagare: A, B, C.` without `id`, keeping the punctuation around it.
    static func removeToken(_ id: String, fromListLine line: Substring) -> String {
        guard let colon = line.firstIndex(of: ":") else { return String(line) }
        let head = line[...colon]
        var body = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        var open = "", close = ""
        if body.hasPrefix("[") && body.hasSuffix("]") { open = "["; close = "]"; body = String(body.dropFirst().dropLast()) }
        if body.hasSuffix(".") { close = "."; body = String(body.dropLast()) }
        let items = body.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard items.contains(id) else { return String(line) }
        return head + " " + open + items.filter { $0 != id }.joined(separator: ", ") + close
    }

    /// The YAML text without the list items (`  - …` and the lines indented under them) for which
    /// `drop` is true. Comments and other items stay byte for byte.
    static func removeListItems(_ text: String, where drop: ([Substring]) -> Bool) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [Substring] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " }.count
            guard line.dropFirst(indent).hasPrefix("- ") else {
                output.append(line)
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count {
                let next = lines[end]
                let nextIndent = next.prefix { $0 == " " }.count
                if !next.trimmingCharacters(in: .whitespaces).isEmpty && nextIndent <= indent { break }
                end += 1
            }
            let item = Array(lines[index..<end])
            if !drop(item) { output += item }
            index = end
        }
        return output.joined(separator: "\n")
    }

    /// Whether a YAML item has `key: value` on one of its lines (`- id: R07` or `participant: R07`).
    static func item(_ lines: [Substring], has key: String, _ value: String) -> Bool {
        lines.contains { line in
            var trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") { trimmed = String(trimmed.dropFirst(2)) }
            guard trimmed.hasPrefix(key + ":") else { return false }
            let rest = trimmed.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
            return rest == value || rest == "\"\(value)\"" || rest == "'\(value)'"
        }
    }
}

/// The text of a subtitle cue without markup: the speaker of its first voice tag, tags removed,
/// lines trimmed.
enum CueText {
    /// - Parameter decodeReferences: WebVTT escapes `&`, `<` and `>` as character references and
    ///   every `<` opens a tag; SubRip has no references and only a few tags, so other `<` stay.
    static func voiceAndText(_ payload: String, decodeReferences: Bool) -> (voice: String?, text: String) {
        var voice: String?
        var text = ""
        var rest = Substring(payload)
        while let open = rest.firstIndex(where: { $0 == "<" || $0 == "{" }) {
            text += rest[..<open]
            let closer: Character = rest[open] == "<" ? ">" : "}"
            guard let close = rest[open...].firstIndex(of: closer) else {
                rest = rest[open...]
                break
            }
            let tag = rest[rest.index(after: open)..<close]
            if rest[open] == "<", decodeReferences || isSubRipTag(tag) {
                if voice == nil, let name = voiceName(tag) { voice = name }
            } else if rest[open] == "{", tag.hasPrefix("\\") {
                // an ASS override such as {\an8}: dropped
            } else {
                text += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if decodeReferences { text = decode(text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        return (voice, lines.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    /// `v Name` or `v.class Name` → `Name`.
    private static func voiceName(_ tag: Substring) -> String? {
        guard tag.first == "v", let space = tag.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let head = tag[..<space]
        guard head == "v" || head.hasPrefix("v.") else { return nil }
        let name = String(tag[space...]).trimmingSpaces
        return name.isEmpty ? nil : name
    }

    private static func isSubRipTag(_ tag: Substring) -> Bool {
        let name = tag.drop { $0 == "/" }.prefix { $0.isLetter }.lowercased()
        return ["i", "b", "u", "s", "font"].contains(name)
    }

    private static let references: [Substring: String] = [
        "amp": "&", "lt": "<", "gt": ">", "nbsp": "\u{A0}", "lrm": "\u{200E}", "rlm": "\u{200F}", "quot": "\"", "apos": "'",
    ]

    /// `&amp;`, `&lt;`, `&gt;`, `&nbsp;`, `&lrm;`, `&rlm;`, `&quot;`, `&apos;` and numeric references.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let tail = rest[rest.index(after: amp)...]
            if let semicolon = tail.prefix(10).firstIndex(of: ";"), let value = reference(tail[..<semicolon]) {
                output += value
                rest = tail[tail.index(after: semicolon)...]
            } else {
                output += "&"
                rest = tail
            }
        }
        return output + rest
    }

    private static func reference(_ name: Substring) -> String? {
        if let named = references[name] { return named }
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }
}

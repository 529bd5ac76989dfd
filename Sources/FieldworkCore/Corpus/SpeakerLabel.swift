/// Recognises the speaker label that opens an interview turn.
///
/// Two forms are accepted: a bold label (`**R14:**` or `**R14**:`), always; and a plain
/// `R14:` at the start of a paragraph, only when the name is a speaker the document already
/// knows (its participants, its interviewer, a label seen in bold, or a generic interviewer
/// word). The restriction keeps sentences such as "Note: the bus was late" from becoming turns.
public struct SpeakerLabel: Sendable, Hashable {
    public var speaker: String
    /// Scalars from the block start to where the spoken content begins.
    public var contentOffset: Int

    static let maximumLength = 60
    public static let genericInterviewerLabels: Set<String> = [
        "intervjuare", "interviewer", "moderator", "facilitator", "samtalsledare", "i",
    ]

    /// The bold form: the block's leading strong run ends with a colon, or a colon follows it.
    public static func bold(in block: TextBlock) -> SpeakerLabel? {
        guard let strong = block.leadingStrong else { return nil }
        let strongScalars = Array(strong.unicodeScalars.prefix(maximumLength + 2))
        guard strongScalars.count <= maximumLength + 1 else { return nil }
        // Only the start of the block matters: the label, its colon and the spaces after it.
        let textScalars = Array(block.text.unicodeScalars.prefix(strongScalars.count + 64))
        var name = strongScalars
        var offset = strongScalars.count
        if name.last == ":" {
            name.removeLast()
        } else if offset < textScalars.count, textScalars[offset] == ":" {
            offset += 1
        } else {
            return nil
        }
        return make(name: name, offset: offset, text: textScalars)
    }

    /// The plain form `Name: ...`, accepted only for names in `known` (compared case-insensitively).
    public static func plain(in block: TextBlock, known: Set<String>) -> SpeakerLabel? {
        let textScalars = Array(block.text.unicodeScalars.prefix(maximumLength + 64))
        let limit = min(textScalars.count, maximumLength + 1)
        guard let colon = textScalars[0..<limit].firstIndex(of: ":") else { return nil }
        let name = Array(textScalars[0..<colon])
        guard let label = make(name: name, offset: colon + 1, text: textScalars) else { return nil }
        return known.contains(label.speaker.lowercased()) ? label : nil
    }

    private static func make(name: [Unicode.Scalar], offset: Int, text: [Unicode.Scalar]) -> SpeakerLabel? {
        let trimmed = String(String.UnicodeScalarView(name)).trimmingSpaces
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= maximumLength,
              !trimmed.unicodeScalars.contains(where: { $0 == "\n" }) else { return nil }
        var contentOffset = offset
        while contentOffset < text.count, text[contentOffset].properties.isWhitespace {
            contentOffset += 1
        }
        return SpeakerLabel(speaker: trimmed, contentOffset: contentOffset)
    }
}

extension String {
    /// The string without leading and trailing white space (no Foundation needed).
    public var trimmingSpaces: String {
        // Most text (a coder's name on every coding write) begins and ends with a visible ASCII
        // character: nothing to trim, and no Unicode property to look up.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

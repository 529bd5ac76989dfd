/// Recognises a leading `Name:` in a line of a transcript from elsewhere (plain text, Word, a
/// subtitle cue). The name must look like a label, not a sentence: at most 40 characters and 4
/// words of letters, digits, spaces, `-`, `.`, `'` and `_`, starting with a letter or digit, and
/// the colon must be followed by a space or end the line (so `kl. 12:30` is not a speaker).
public enum TranscriptSpeakerPrefix {
    static let maximumLength = 40
    static let maximumWords = 4

    /// The name and the text after the colon and its spaces, or nil when the line has no label.
    public static func split(_ line: Substring) -> (speaker: String, rest: Substring)? {
        guard let colon = line.prefix(maximumLength + 1).firstIndex(of: ":") else { return nil }
        let afterColon = line.index(after: colon)
        guard afterColon == line.endIndex || line[afterColon] == " " || line[afterColon] == "\t" else { return nil }
        let name = String(line[..<colon]).trimmingSpaces
        guard let first = name.unicodeScalars.first,
              first.properties.isAlphabetic || ("0"..."9").contains(first),
              name.unicodeScalars.allSatisfy(isNameScalar),
              name.split(whereSeparator: { $0 == " " }).count <= maximumWords else { return nil }
        return (name, line[afterColon...].drop { $0 == " " || $0 == "\t" })
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark: return true
        default: return " -.'’_".unicodeScalars.contains(scalar)
        }
    }
}

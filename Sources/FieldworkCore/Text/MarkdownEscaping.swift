/// Writes plain text as Markdown whose canonical plain text (cmark's reader text, blocks joined
/// by one blank line, as `MarkdownBlocks` and the `Segmenter` build it) is that text again,
/// scalar for scalar. Used wherever text from elsewhere (other QDA tools, Word transcripts)
/// becomes a corpus file, so that offsets counted in the source stay valid in Fieldwork.
///
/// The input must already be in the canonical form of corpus files (NFC, LF line endings, no
/// byte-order mark). Then the round trip is exact, with one exception: U+0000 becomes U+FFFD,
/// as CommonMark requires of every parser. Everything else is carried:
/// - Each run of text between two consecutive line breaks (`\n\n`) becomes one paragraph. A blank
///   line in Markdown can only separate blocks, so a run of three or more line breaks keeps the
///   ones beyond the separator as character references (`&#10;`), as it does for line breaks at
///   the very start or end of the text.
/// - A space that cmark would strip (at the start or end of a line) is written as a character
///   reference (`&#32;`); control characters (tab included) always are.
/// - Characters that would start markup are backslash-escaped: `\`, `` ` ``, `*`, `_`, `<`
///   everywhere; `&` before a letter, digit or `#`; `]` before `(`; and at the start of a line
///   `#`, `>`, `-`, `+`, `=`, `~`, `[` and the `.` or `)` after digits (headings, quotes, lists,
///   setext underlines, fences, link definitions). Other punctuation stays as typed, so the
///   file remains readable: `[skratt]`, `1,5`, `Ja, jo.` are written as they are.
public enum MarkdownEscaping {
    /// The Markdown body for `text` (NFC, LF): paragraphs separated by one blank line.
    public static func markdown(forPlainText text: String) -> String {
        paragraphs(of: text).map(escapeParagraph).joined(separator: "\n\n")
    }

    /// The text split at each `\n\n` into non-empty paragraphs whose join with `\n\n` is the text:
    /// an empty piece (from three or more line breaks) is absorbed by its neighbour.
    public static func paragraphs(of text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            // A separator needs text on both sides; at the end its line breaks stay in the last piece.
            if scalars[index] == "\n", index + 2 < scalars.count, scalars[index + 1] == "\n", !current.isEmpty {
                pieces.append(String(current))
                current = String.UnicodeScalarView()
                index += 2
            } else {
                current.append(scalars[index])
                index += 1
            }
        }
        if !current.isEmpty { pieces.append(String(current)) }
        return pieces
    }

    /// One paragraph (no `\n\n` inside except at its start): its lines escaped, each line
    /// break a soft break unless the line before it would be empty or it ends the paragraph.
    public static func escapeParagraph(_ paragraph: String) -> String {
        let scalars = Array(paragraph.unicodeScalars)
        var output = ""
        var lineStart = 0
        var lineIsEmpty = true  // nothing written on the current Markdown line yet
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            escapeLine(scalars[lineStart..<index], into: &output, continuing: !lineIsEmpty)
            lineIsEmpty = lineIsEmpty && index == lineStart
            if lineIsEmpty || index == scalars.count - 1 {
                output += "&#10;"
                lineIsEmpty = false
            } else {
                output += "\n"
                lineIsEmpty = true
            }
            lineStart = index + 1
        }
        escapeLine(scalars[lineStart...], into: &output, continuing: !lineIsEmpty)
        return output
    }

    /// - Parameter continuing: the Markdown line already holds text, so this is not a line start.
    private static func escapeLine(_ line: ArraySlice<Unicode.Scalar>, into output: inout String, continuing: Bool) {
        guard !line.isEmpty else { return }
        let atLineStart = !continuing
        let leadingDigits = atLineStart ? line.prefix(while: { ("0"..."9").contains($0) }).count : 0
        for index in line.indices {
            let scalar = line[index]
            let first = index == line.startIndex, last = index == line.endIndex - 1
            let next = last ? nil : line[index + 1]
            if scalar.value < 0x20 || scalar.value == 0x7F || ((first && atLineStart || last) && isStrippedSpace(scalar)) {
                output += "&#\(scalar.value);"
            } else if needsBackslash(scalar, next: next, atLineStart: first && atLineStart,
                                     afterLeadingDigits: leadingDigits > 0 && index - line.startIndex == leadingDigits) {
                output += "\\"
                output.unicodeScalars.append(scalar)
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
    }

    /// The one printable character cmark strips at the start or end of a line (tab, vertical tab
    /// and form feed, which it strips too, are control characters and always written as references).
    private static func isStrippedSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " "
    }

    private static func needsBackslash(
        _ scalar: Unicode.Scalar, next: Unicode.Scalar?, atLineStart: Bool, afterLeadingDigits: Bool
    ) -> Bool {
        switch scalar {
        case "\\", "`", "*", "_", "<": return true
        case "&": return next.map { $0 == "#" || ($0.isASCII && $0.properties.isAlphabetic) || ("0"..."9").contains($0) } ?? false
        case "]": return next == "("
        case "#", ">", "-", "+", "=", "~", "[": return atLineStart
        case ".", ")": return afterLeadingDigits
        default: return false
        }
    }
}

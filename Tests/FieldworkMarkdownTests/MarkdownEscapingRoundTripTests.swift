import FieldworkCore
import FieldworkMarkdown
import FieldworkTestSupport
import Testing

/// The escaper's promise, checked through the real pipeline (cmark via `MarkdownBlocks`, then the
/// `Segmenter`): the plain text of the written Markdown is the text that went in.
@Suite struct MarkdownEscapingRoundTripTests {
    static func plainText(of markdown: String, type: DocumentType = .note) -> String {
        Segmenter(type: type).segment(MarkdownBlocks.parse(markdown)).plainText
    }

    /// Scalars, not `String`s: Swift's `==` would call `e` + U+0301 equal to `é`.
    static func roundTrip(_ text: String, type: DocumentType = .note) -> [Unicode.Scalar] {
        Array(plainText(of: MarkdownEscaping.markdown(forPlainText: text), type: type).unicodeScalars)
    }

    static let edgeCases: [String] = [
        "", " ", "\n", "\n\n", "\n\n\n", "\n\n\n\n\n", "a\n", "a\n\n", "a\n\n\n", "\na", "\n\na", "\n\n\na",
        "a\n\nb", "a\n\n\nb", "a\n\n\n\nb", "a\n \nb", "a\n\t\nb", "  leading", "trailing  ", "   ",
        "    indented code?", "\tTab first", "mid\ttab", "# Rubrik", "#hashtag", "## två", "###### sex", "####### sju",
        "- punkt", "-", "--", "---", "- - -", "* stjärna", "*emfas*", "**fet**", "_under_", "__x__", "___",
        "snake_case_name", "1. första", "1.", "2) andra", "1986. Det året", "3.5 miljoner", "12345678901. lång",
        "> citat", ">", "a > b", "\\", "\\\\", "slut\\", "slut\\\nny rad", "\\*inte\\*", "C:\\Users\\anna",
        "<html>", "<script>alert(1)</script>", "<!-- kommentar -->", "a <b> c", "<https://example.org>",
        "&amp;", "&lt;", "&#32;", "&#x41;", "Anna & Bo", "&", "&&", "AT&T", "x&#10;y",
        "[skratt]", "[länk](https://example.org)", "[ref]\n\n[ref]: /url", "![bild](x.png)", "[a][b]", "]",
        "`kod`", "```\nfence\n```", "~~~\nfence", "~", "~~struken~~", "=", "===", "Rubrik\n===", "Rubrik\n---",
        "+ plus", "+", "|a|b|\n|-|-|", "R07: Jag vet inte.", "**R07:** fet etikett", "Intervjuare: Hej",
        "rad ett  \nrad två", "rad ett\n  indragen", "rad ett \n rad två ", "Hemtjänsten 👩‍👩‍👧 kommer 👍🏽",
        "e\u{301}", "\u{A0}hårt mellanslag\u{A0}", "\u{0B}vt\u{0C}ff\u{7F}", "\u{1}\u{1F}", "a\u{2028}b",
        "Ja.\n\n\n\n  — Nej.  \n\n\n", "1. a\n2. b\n\n- c\n  - d", "    kod\n    kod",
    ]

    @Test(arguments: edgeCases)
    func edgeCaseRoundTrips(_ text: String) {
        #expect(Self.roundTrip(text) == Array(text.unicodeScalars))
        #expect(Self.roundTrip(text, type: .interview) == Array(text.unicodeScalars))
    }

    /// U+0000 is the one scalar CommonMark never passes through: it becomes U+FFFD.
    @Test func nulBecomesReplacementCharacter() {
        #expect(Self.roundTrip("a\u{0}b") == Array("a\u{FFFD}b".unicodeScalars))
    }

    @Test func generatedTextRoundTrips() {
        var generator = SeededGenerator(seed: 0x5EED_F1E1_D0C5)
        for _ in 0..<3_000 {
            let text = Self.randomText(using: &generator)
            let markdown = MarkdownEscaping.markdown(forPlainText: text)
            let result = Array(Self.plainText(of: markdown).unicodeScalars)
            let expected = Array(text.unicodeScalars)
            #expect(result == expected, "text: \(String(reflecting: text)) markdown: \(String(reflecting: markdown))")
            if result != expected { return }  // one counterexample is enough to read
        }
    }

    /// Pieces chosen to collide: markup characters at line starts and ends, white space next to
    /// line breaks, entities, emoji and combining marks.
    static let pieces: [String] = [
        "#", "-", "*", "_", "1.", "2)", ">", "\\", "<html>", "</p>", "&amp;", "&#32;", "&", "#", "[", "]", "(", ")",
        "`", "~", "=", "+", "!", "|", ":", "R07:", "**", " ", "  ", "   ", "    ", "\t", "\n", "\n", "\n\n", "\n\n\n",
        "a", "ord", "Hemtjänst", "åäö", "é", "e\u{301}", "👩‍👩‍👧", "👍🏽", "\u{A0}", "\u{B}", "\u{C}", "\u{7F}", "<!--",
        "-->", "```", "~~~", "0", "9", ".", "<http://x.se>", "\u{2028}",
    ]

    static func randomText(using generator: inout SeededGenerator) -> String {
        let count = Int(generator.next() % 24)
        var text = ""
        for _ in 0..<count {
            text += pieces[Int(generator.next() % UInt64(pieces.count))]
        }
        return text
    }
}

import FieldworkCore
import Testing

/// What the escaper writes: only what would be markup is touched, so files stay readable.
/// (That the plain text comes back is checked through cmark in the Markdown tests.)
@Suite struct MarkdownEscapingTests {
    @Test func ordinaryTranscriptTextIsWrittenAsItIs() {
        let text = "Ja, jag vet inte riktigt. [skratt] Det kostar 1,5 kr (ungefär) – eller hur?"
        #expect(MarkdownEscaping.markdown(forPlainText: text) == text)
    }

    @Test func markupAtLineStartsIsEscaped() {
        #expect(MarkdownEscaping.markdown(forPlainText: "# a\n- b\n1. c\n> d\n[e]: f") == "\\# a\n\\- b\n1\\. c\n\\> d\n\\[e]: f")
        #expect(MarkdownEscaping.markdown(forPlainText: "a # b - c 1. d > e") == "a # b - c 1. d > e")
    }

    @Test func inlineMarkupIsEscapedEverywhere() {
        #expect(MarkdownEscaping.markdown(forPlainText: "*a* _b_ `c` <d> \\ &amp; & [x](y)")
                == "\\*a\\* \\_b\\_ \\`c\\` \\<d> \\\\ \\&amp; & [x\\](y)")
    }

    @Test func blankLineRunsAndEdgeSpacesBecomeCharacterReferences() {
        #expect(MarkdownEscaping.markdown(forPlainText: "a\n\nb") == "a\n\nb")
        #expect(MarkdownEscaping.markdown(forPlainText: "a\n\n\nb") == "a\n\n&#10;b")
        #expect(MarkdownEscaping.markdown(forPlainText: " a \n\tb") == "&#32;a&#32;\n&#9;b")
        #expect(MarkdownEscaping.markdown(forPlainText: "a\n") == "a&#10;")
        #expect(MarkdownEscaping.markdown(forPlainText: "") == "")
    }
}

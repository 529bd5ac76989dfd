import FieldworkCore
import FieldworkMarkdown
import Testing

@Suite struct MarkdownBlocksTests {
    @Test func paragraphsKeepReaderTextAndLeadingStrongLabel() {
        let blocks = MarkdownBlocks.parse("""
            **R14:** Jag vaknar *tidigt* och läser [tidningen](https://example.org).
            Sedan kaffe.

            Utan etikett.
            """, lineOffset: 10)
        #expect(blocks.count == 2)
        #expect(blocks[0].text == "R14: Jag vaknar tidigt och läser tidningen.\nSedan kaffe.")
        #expect(blocks[0].leadingStrong == "R14:")
        #expect(blocks[0].lineStart == 11 && blocks[0].lineEnd == 12)
        #expect(blocks[1].leadingStrong == nil)
        #expect(blocks[1].lineStart == 14)
    }

    @Test func headingsListsAndQuotes() {
        let blocks = MarkdownBlocks.parse("""
            # Workshop

            ## Station 1

            - Dörrsensor
            - Nattlampa
              1. inre

            > Citat
            """)
        #expect(blocks.map(\.text) == ["Workshop", "Station 1", "Dörrsensor", "Nattlampa", "inre", "Citat"])
        #expect(blocks[0].kind == .heading(level: 1))
        #expect(blocks[1].kind == .heading(level: 2))
        #expect(blocks[2].inListItem && blocks[4].inListItem)
        #expect(!blocks[5].inListItem)
        #expect(blocks.map(\.lineStart) == [1, 3, 5, 6, 7, 9])
    }

    @Test func rawHTMLIsKeptAsTextNeverDropped() {
        let blocks = MarkdownBlocks.parse("""
            <script>alert(1)</script>

            Text <img src=x onerror="alert(2)"> and [click](javascript:alert(3)).
            """)
        #expect(blocks[0].kind == .literal)
        #expect(blocks[0].text == "<script>alert(1)</script>")
        #expect(blocks[1].text == "Text <img src=x onerror=\"alert(2)\"> and click.")
    }

    @Test func linesAreNeverZeroOrReversed() {
        let blocks = MarkdownBlocks.parse("a\n\n---\n\n```\ncode\n```\n\n- \n- b\n")
        for block in blocks {
            #expect(block.lineStart >= 1)
            #expect(block.lineEnd >= block.lineStart)
        }
        #expect(blocks.map(\.text).contains("code"))
    }
}

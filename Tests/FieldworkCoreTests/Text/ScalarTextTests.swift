import FieldworkCore
import Testing

@Suite struct ScalarTextTests {
    @Test func slicesByScalarsWhereStringCountWouldDiffer() {
        let text = ScalarText("a👍🏽b")  // 👍🏽 is one Character but two scalars
        #expect(text.count == 4)
        #expect("a👍🏽b".count == 3)
        #expect(text[1..<3] == "👍🏽")
        #expect(text[3..<4] == "b")
        #expect(text[2..<99] == "\u{1F3FD}b")
    }

    @Test func anchorCarriesQuoteAndContext() {
        let text = ScalarText(String(repeating: "x", count: 40) + "QUOTE" + String(repeating: "y", count: 40))
        let anchor = TextQuoteAnchor(span: 40..<45, in: text)
        #expect(anchor.quote == "QUOTE")
        #expect(anchor.prefix == String(repeating: "x", count: 32))
        #expect(anchor.suffix == String(repeating: "y", count: 32))
    }

    @Test func isoDates() {
        #expect(ISODate.isValid("2024-02-29"))
        #expect(!ISODate.isValid("2025-02-29"))
        #expect(!ISODate.isValid("2025-13-01"))
        #expect(!ISODate.isValid("12/03/2025"))
    }
}

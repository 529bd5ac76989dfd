import FieldworkCore
import Testing

@Suite struct RedactionsTests {
    let redactions = Redactions([
        .init(identifier: "Anna", replacement: "[namn]"),
        .init(identifier: "Anna Svensson", replacement: "[R07]"),
        .init(identifier: "Bo", replacement: "[B]"),
    ])

    @Test func wholeWordsLongestFirst() {
        let (text, count) = redactions.apply("Anna Svensson och Anna bor i Boende med Bo.")
        #expect(text == "[R07] och [namn] bor i Boende med [B].")
        #expect(count == 3)
    }

    @Test func offsetsFollowTheEdits() {
        let old = ScalarText("Hej Anna Svensson, hur mår du?")
        let mapped = redactions.map(old)
        #expect(mapped.text.string == "Hej [R07], hur mår du?")
        // "hur" moves left by 8 ("Anna Svensson" 13 → "[R07]" 5).
        let hur = 19
        #expect(old[hur..<(hur + 3)] == "hur" && mapped.text[mapped.offset(hur)..<mapped.offset(hur + 3, end: true)] == "hur")
        // A span around the name covers the replacement.
        #expect(mapped.text[mapped.offset(4)..<mapped.offset(17, end: true)] == "[R07]")
        // Inside the name: the replacement's start, or its end for an end offset.
        #expect(mapped.offset(6) == 4 && mapped.offset(6, end: true) == 9)
        #expect(mapped.offset(0) == 0 && mapped.offset(3) == 3)
    }
}

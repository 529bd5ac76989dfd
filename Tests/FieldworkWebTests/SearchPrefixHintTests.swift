import FieldworkCore
@testable import FieldworkWeb
import Testing

/// Words are matched whole, and Swedish builds long ones: `trygg` found 3 passages of the sample
/// where `trygg*` finds 10 (trygghet, tryggare), and the page did not say so (found by a new user).
/// A first page searched without a prefix or a phrase offers the prefixes, in the page's language.
@Suite struct SearchPrefixHintTests {
    static func page(_ query: String, hits: Int = 3, number: Int = 1, _ language: InterfaceLanguage = .en) -> String {
        SearchPage(query: query, hits: SearchPageNumberingTests.hits(hits), withheld: WithheldCount(), number: number,
                   offset: (number - 1) * 50, t: Localizer(language)).body().rendered
    }

    @Test func wholeWordsOfferTheirPrefixes() {
        #expect(Self.page("trygg").contains(
            "<p class=\"hint\">Words are matched whole: <a href=\"/search?q=trygg%2A\"><code>trygg*</code></a> also finds the longer words they begin.</p>"))
        #expect(Self.page("trygg natt", hits: 0, .sv).contains(
            "<p class=\"hint\">Orden hittas som hela ord: <a href=\"/search?q=trygg%2A%20natt%2A\"><code>trygg* natt*</code></a> hittar också längre ord"))
        // A leading `-` is no exclusion: the word is searched, and offered, without it.
        #expect(Self.page("-hemtjänst").contains("<code>hemtjänst*</code>"))
    }

    @Test func prefixesPhrasesAndLaterPagesOfferNothing() {
        for query in ["trygg*", "\"på natten\"", "natt trygg*"] {
            #expect(!Self.page(query).contains("class=\"hint\""), "\(query)")
        }
        #expect(!Self.page("trygg", hits: 50, number: 2).contains("class=\"hint\""))
    }
}

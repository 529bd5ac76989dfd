import FieldworkCore
import Testing

@Suite struct SearchQueryTests {
    @Test func everyTermIsQuotedSoInputIsNeverFTSSyntax() {
        let query = SearchQuery("trygg* \"på natten\" OR NEAR(x) -y")
        #expect(query.ftsPattern == "\"trygg\"* AND \"på natten\" AND \"OR\" AND \"NEAR x\" AND \"y\"")
    }

    @Test func diacriticsTypedMustMatchExactly() {
        let query = SearchQuery("får")
        #expect(query.termsWithDiacritics == ["får"])
        #expect(query.acceptsDiacritics(of: "Jag FÅR hjälp"))
        #expect(!query.acceptsDiacritics(of: "min far hjälper"))
        #expect(SearchQuery("hemtjanst").acceptsDiacritics(of: "hemtjänst"))
    }

    @Test func emptyQueries() {
        #expect(SearchQuery("  \"\" * ").isEmpty)
    }

    @Test func aPageSkipsOnlyHitsTheDiacriticsRuleKeeps() {
        let ranked = ["min far", "jag får", "far och mor", "får jag", "vi får"]
        let query = SearchQuery("får", limit: 1, offset: 1)
        #expect(query.fetchLimit == 20)  // (1 + 1) × 10: the rule may drop candidates
        #expect(query.page(ranked) { $0 } == ["får jag"])
        #expect(SearchQuery("far", limit: 2, offset: 3).page(ranked) { $0 } == ["får jag", "vi får"])
    }
}

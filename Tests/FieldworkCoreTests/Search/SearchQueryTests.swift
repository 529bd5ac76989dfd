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
}

import FieldworkCore
@testable import FieldworkWeb
import Hummingbird
import HummingbirdTesting
import Testing

/// The search page numbers its list and says its places from the offset of the search that
/// found its hits: it worked them out from its own 50 a page, so a search run with another page
/// size numbered its third page from 101, not 41.
@Suite struct SearchPageNumberingTests {
    static func hits(_ count: Int) -> [SearchHit] {
        (0..<count).map { index in
            SearchHit(documentID: "n-\(index)", documentTitle: "Note \(index)", documentType: .note, documentDate: nil, segmentIndex: 0,
                      speaker: nil, heading: nil, start: 0, end: 5, snippet: "kaffe", rank: Double(index))
        }
    }

    @Test func aPageIsNumberedFromTheOffsetItsSearchRanWith() {
        // Third page of 20 a page: places 41 to 60.
        let page = SearchPage(query: "kaffe", hits: Self.hits(20), withheld: WithheldCount(), number: 3, offset: 40, more: true,
                              t: Localizer(.en)).body().rendered
        #expect(page.contains("<ol class=\"hits\" start=\"41\">"))
        #expect(page.contains("<p class=\"count\">Passages 41–60 for “kaffe”</p>"))
        // The first page has no start: the list counts from 1.
        let first = SearchPage(query: "kaffe", hits: Self.hits(20), withheld: WithheldCount(), number: 1, offset: 0, more: true,
                               t: Localizer(.en)).body().rendered
        #expect(first.contains("<ol class=\"hits\">") && first.contains("Passages 1–20 for “kaffe”"))
    }
}

/// `/search?q=*` said "0 passages for “*”" where the CLI says there is nothing to search for
/// (found by a new user): the page says so, with the examples, and searches nothing.
@Suite struct SearchWithoutWordsTests {
    @Test func aQueryWithoutWordsIsSaidToHaveNone() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            // A page beyond the last one searched is named as asked (it said "before page 200" for 999).
            try await client.execute(uri: "/search?q=natten&page=999", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("the results end before page 999."))
            }
            for query in ["*", "%22", "%22+*+%22"] {
                try await client.execute(uri: "/search?q=\(query)", method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(html.contains("has no words to search for. <code>trygg*</code> finds prefixes"), "\(query)")
                    #expect(!html.contains("passages for"), "\(query)")
                }
            }
        }
    }
}

import FieldworkCore
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The search page and `/api/search` are paged: 50 hits a page (`?page=N`), a `Link: rel="next"`
/// on the API, and every hit on exactly one page (issue 14, "Scale").
@Suite struct SearchPagingTests {
    /// Each of the fixture's 230 notes holds "kaffe" once.
    static func documentIDs(_ body: ByteBuffer) -> [String] {
        (jsonArray(body) ?? []).compactMap { ($0 as? [String: Any])?["document"] as? String }
    }

    @Test func theSearchPageShowsFiftyHitsWithLinksToTheNextPage() async throws {
        let fixture = try await DocumentsPagingTests.fixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/search?q=kaffe", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.matches(of: /<a href="\/documents\/n-\d{3}#s\d+">/).count == 50)
                #expect(html.contains("<nav class=\"pager\" aria-label=\"Pages of results\">"))
                #expect(html.contains("<a href=\"/search?q=kaffe&amp;page=2\" rel=\"next\">Next →</a>"))
                #expect(!html.contains("rel=\"prev\"") && html.contains("Page 1"))
            }
            try await client.execute(uri: "/search?q=kaffe&page=5", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.matches(of: /<a href="\/documents\/n-\d{3}#s\d+">/).count == 30)
                #expect(html.contains("<ol class=\"hits\" start=\"201\">"))
                #expect(html.contains("<a href=\"/search?q=kaffe&amp;page=4\" rel=\"prev\">← Previous</a>") && !html.contains("rel=\"next\""))
            }
            try await client.execute(uri: "/search?q=nummer+7", method: .get, headers: browser.headers) { response in
                #expect(!String(buffer: response.body).contains("class=\"pager\""))
            }
        }
    }

    /// The count line told the page's own hit count as if it were the total ("7 passages" on the
    /// last page of 57, "0 passages" past the end): each page now says which places it shows.
    @Test func theSearchPageCountSaysWhichPlacesOfTheRankingAPageShows() async throws {
        let fixture = try await DocumentsPagingTests.fixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func count(_ uri: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    return html.firstMatch(of: /<p class="(?:count|empty)">(.*?)<\/p>/).map { String($0.1) } ?? ""
                }
            }
            #expect(try await count("/search?q=kaffe") == "Passages 1–50 for “kaffe”")
            #expect(try await count("/search?q=kaffe&page=5") == "Passages 201–230 for “kaffe”")
            // Everything on one page: that page's count is the total.
            #expect(try await count("/search?q=nummer+7") == "1 passage for “nummer 7”")
            // Past the end: said so, with the way back to page 1 (and no pager to more empty pages).
            try await client.execute(uri: "/search?q=kaffe&page=6", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("No more passages for “kaffe”: the results end before page 6. <a href=\"/search?q=kaffe\">Back to the first page</a>"))
                #expect(!html.contains("class=\"pager\"") && !html.contains("<ol class=\"hits\""))
            }
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            try await client.execute(uri: "/search?q=kaffe&page=2", method: .get, headers: swedish) { response in
                #expect(String(buffer: response.body).contains("Passager 51–100 för ”kaffe”"))
            }
        }
    }

    @Test func theSearchAPIPagesWithANextLink() async throws {
        let fixture = try await DocumentsPagingTests.fixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var seen: [String] = []
            var next: String? = "/api/search?q=kaffe&limit=100"
            while let uri = next {
                next = try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    seen += Self.documentIDs(response.body)
                    return response.headers[HTTPField.Name("Link")!].flatMap { $0.firstMatch(of: /<([^>]+)>; rel="next"/).map { String($0.1) } }
                }
                #expect(seen.count <= 230)
            }
            #expect(seen.count == 230 && Set(seen).count == 230)  // every hit once, over three pages
            try await client.execute(uri: "/api/search?q=kaffe", method: .get, headers: browser.headers) { response in
                #expect(Self.documentIDs(response.body).count == 50)
                #expect(response.headers[HTTPField.Name("Link")!] == "</api/search?q=kaffe&limit=50&offset=50>; rel=\"next\"")
            }
            for bad in ["limit=0", "limit=201", "offset=-1", "offset=10001"] {
                try await client.execute(uri: "/api/search?q=kaffe&\(bad)", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
        }
    }
}

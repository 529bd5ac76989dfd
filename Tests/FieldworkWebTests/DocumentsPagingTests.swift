import FieldworkCore
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The documents page and `/api/documents` are paged: a page costs its documents, not the
/// corpus, and links lead from each page to the next (issue 14, "Scale").
@Suite struct DocumentsPagingTests {
    /// 230 notes `n-000`…`n-229`, dated so that the list order is the id order; every tenth in English.
    static func fixture() async throws -> WebFixture {
        var files: [String: String] = [
            "codebooks/codebook.yaml": "title: Codebook\ncodes:\n  - {id: need, name: Needs, kind: need}\n",
        ]
        for index in 0..<230 {
            let id = String(format: "n-%03d", index)
            files["corpus/\(id).md"] = """
                ---
                id: \(id)
                type: note
                title: \(index == 7 ? "Ärende sju" : "Anteckning \(index)")
                date: 2025-01-01
                language: \(index % 10 == 0 ? "en" : "sv")
                ---

                Kaffe med grannen, nummer \(index).
                """
        }
        return try await WebFixture(files: files)
    }

    static func ids(in html: String) -> [String] {
        html.matches(of: /<a href="\/documents\/(n-\d{3})">/).map { String($0.1) }
    }

    @Test func theDocumentsPageShowsOnePageWithLinksToTheOthers() async throws {
        let fixture = try await Self.fixture()
        let pageSize = 100
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(Self.ids(in: html) == (0..<pageSize).map { String(format: "n-%03d", $0) })
                #expect(html.contains("230 of 230 documents"))
                #expect(html.contains("<nav class=\"pager\" aria-label=\"Pages of documents\">"))
                #expect(html.contains("<a href=\"/?page=2\" rel=\"next\">Next →</a>"))
                #expect(!html.contains("rel=\"prev\""))
                #expect(html.contains("Page 1 of 3"))
                // The language filter still offers every language, not only this page's.
                #expect(html.contains("<option value=\"en\">English</option>") && html.contains("<option value=\"sv\">Swedish</option>"))
            }
            try await client.execute(uri: "/?page=3", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(Self.ids(in: html) == (200..<230).map { String(format: "n-%03d", $0) })
                #expect(html.contains("<a href=\"/?page=2\" rel=\"prev\">← Previous</a>") && !html.contains("rel=\"next\""))
            }
            // The filter pages too, and its links keep it; Swedish through the catalogue.
            var swedish = browser.headers
            swedish[.cookie] = browser.cookie + "; fieldwork_lang=sv"
            try await client.execute(uri: "/?language=sv&page=2", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                let expected = (0..<230).filter { $0 % 10 != 0 }.dropFirst(pageSize).prefix(pageSize).map { String(format: "n-%03d", $0) }
                #expect(Self.ids(in: html) == Array(expected))
                #expect(html.contains("<a href=\"/?language=sv\" rel=\"prev\">← Föregående</a>"))
                #expect(html.contains("<a href=\"/?language=sv&amp;page=3\" rel=\"next\">Nästa →</a>"))
                #expect(html.contains("Sida 2 av 3"))
            }
            try await client.execute(uri: "/?text=%C3%A4rende", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(Self.ids(in: html) == ["n-007"])
                #expect(!html.contains("class=\"pager\""))
            }
        }
    }

    @Test func theDocumentsAPIPagesWithANextLink() async throws {
        let fixture = try await Self.fixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            // The default page holds a small corpus whole, so existing clients see every document.
            try await client.execute(uri: "/api/documents", method: .get, headers: browser.headers) { response in
                #expect(jsonArray(response.body)?.count == 230)
                #expect(response.headers[HTTPField.Name("Link")!] == nil)
            }
            var seen: [String] = []
            var next: String? = "/api/documents?limit=100"
            while let uri = next {
                next = try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    seen += (jsonArray(response.body) ?? []).compactMap { ($0 as? [String: Any])?["id"] as? String }
                    return response.headers[HTTPField.Name("Link")!].flatMap { $0.firstMatch(of: /<([^>]+)>; rel="next"/).map { String($0.1) } }
                }
                #expect(seen.count <= 230)
            }
            #expect(seen == (0..<230).map { String(format: "n-%03d", $0) })
            try await client.execute(uri: "/api/documents?language=en&limit=5&offset=20", method: .get, headers: browser.headers) { response in
                let ids = (jsonArray(response.body) ?? []).compactMap { ($0 as? [String: Any])?["id"] as? String }
                #expect(ids == ["n-200", "n-210", "n-220"])
                #expect(response.headers[HTTPField.Name("Link")!] == nil)
            }
            for bad in ["limit=0", "limit=1001", "offset=-1", "limit=x"] {
                try await client.execute(uri: "/api/documents?\(bad)", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .badRequest, "\(bad)")
                }
            }
        }
    }
}

import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The retrieval and code × case pages said "2 passages" for one passage two coders coded: their
/// numbers count codings, and now say so in both languages, as the print view does (found by a
/// new user). The co-occurrence cell's page counts segments, each once, and still says passages.
@Suite struct CodingCountWordsTests {
    @Test func retrievalAndMatrixCountCodingsAndCooccurrencePassages() async throws {
        let fixture = try await WebFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let span = try await fixture.span(of: "Men eftermiddagen, från två till sex, då är det tyst här.", in: "int-001")
        for coder in ["Anna", "Bo"] {
            _ = try await fixture.context.codings.add(document: "int-001", span: span, code: "need.social_contact", coder: coder)
        }
        _ = try await fixture.context.codings.add(document: "int-001", span: span, code: "barrier", coder: "Anna")
        let cell = "/matrix/passages?rows=document&amp;row=int-001&amp;code=need.social_contact\" aria-label="
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (headers, two) in [(browser.headers, "2 codings"), (browser.swedishHeaders, "2 kodningar")] {
                try await client.execute(uri: "/retrieval?code=need.social_contact", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains("<p class=\"count\">\(two) · "))
                }
                try await client.execute(uri: "/matrix?rows=document", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains(cell + "\"\(two): "))
                }
                try await client.execute(uri: "/matrix/passages?rows=document&row=int-001&code=need.social_contact", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains("<p class=\"count\">\(two)</p>"))
                }
            }
            // "passage" in Swedish too.
            for headers in [browser.headers, browser.swedishHeaders] {
                try await client.execute(uri: "/cooccurrence/passages?a=need.social_contact&b=barrier", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains("<p class=\"count\">1 passage</p>"))
                }
            }
        }
    }

    /// The matrix's note on what consent withheld counts the same things as its cells, codings
    /// (it said passages; `export matrix` says codings).
    @Test func theMatrixCountsWithheldCodings() async throws {
        let fixture = try await ConsentEveryRouteTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (headers, note) in [(browser.headers, /withheld: consent — \d+ codings \(/), (browser.swedishHeaders, /undanhållet: samtycke – \d+ kodningar \(/)] {
                try await client.execute(uri: "/matrix", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains(note))
                }
            }
        }
    }
}

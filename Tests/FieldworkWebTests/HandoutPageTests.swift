import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct HandoutPageTests {
    @Test func theHandoutPageLinksItsStylesheetAndShowsOnlyConsentedQuotes() async throws {
        let fixture = try await WebFixture()
        // R01 (int-001, quote consent) and R02 (int-002, no quote scope) on the same need.
        _ = try await fixture.context.codings.add(document: "int-001", span: 1726..<1800, code: "need.safety.night", coder: "anna")
        _ = try await fixture.context.codings.add(document: "int-002", span: 884..<943, code: "need.safety.night", coder: "anna")
        let allowed = String(ScalarText(try #require(try await fixture.context.store.document(id: "int-001")).plainText)[1726..<1800])
        let refused = String(ScalarText(try #require(try await fixture.context.store.document(id: "int-002")).plainText)[884..<943])
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/handouts/need.safety.night", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentSecurityPolicy]?.contains("style-src 'self'") == true)
                let html = String(buffer: response.body)
                #expect(html.contains("<link rel=\"stylesheet\" href=\"/static/handout.css\">"))
                #expect(html.contains("<script type=\"module\" src=\"/static/handout.js\"></script>"))
                #expect(!html.contains("<style") && !html.contains("style="))
                #expect(html.contains(allowed.prefix(30)))
                #expect(!html.contains(refused.prefix(30)))
                #expect(!html.contains("R01") && !html.contains("R02"))
            }
            try await client.execute(uri: "/needs/need.safety.night", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/handouts/need.safety.night\">Workshop handout</a>"))
            }
            try await client.execute(uri: "/static/handout.css", method: .get, headers: browser.headers) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body).contains("size: A4"))
            }
            try await client.execute(uri: "/static/handout.js", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("window.print()"))
            }
            try await client.execute(uri: "/handouts/no.such.code", method: .get, headers: browser.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}

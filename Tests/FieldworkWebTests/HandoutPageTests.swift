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
            // The handout in the codebook's language (sv), easy-read on request; the toolbar in
            // the interface's language, marked so, and links to the other variant and language.
            try await client.execute(uri: "/handouts/need.safety.night?easy_read=1", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"sv\">") && html.contains("<body class=\"easy-read\">"))
                #expect(html.contains("<h1>Att känna sig trygg på natten</h1>") && html.contains("Vad gör natten otrygg för dig?"))
                #expect(html.contains("<nav class=\"toolbar\" lang=\"en\""))
                #expect(html.contains("href=\"/handouts/need.safety.night?lang=sv\">Standard version</a>"))
                #expect(html.contains("href=\"/handouts/need.safety.night?lang=en&amp;easy_read=1\" hreflang=\"en\">"))
                #expect(html.contains(allowed.prefix(20)) && !html.contains(refused.prefix(20)))
            }
            try await client.execute(uri: "/handouts/need.safety.night?lang=de", method: .get, headers: browser.headers) { response in
                #expect(response.status == .badRequest)
            }
            // The sample plan's whole pack, offered on /needs.
            try await client.execute(uri: "/needs", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<a href=\"/handouts/workshops/ws-003-plan\">Workshop 3 – Trygg hemma, också på natten</a>"))
            }
            try await client.execute(uri: "/handouts/workshops/ws-003-plan", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.components(separatedBy: "<section class=\"sheet").count - 1 == 5)
                #expect(html.contains("Station 2 – Utan BankID") && html.contains("Om dina svar och citaten"))
                #expect(!html.contains("<style") && !html.contains("style="))
            }
            for uri in ["/handouts/workshops/no-such-plan", "/handouts/workshops/..%2Fparticipants"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .notFound, "\(uri)")
                }
            }
        }
    }
}

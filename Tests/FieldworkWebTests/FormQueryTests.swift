import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Query strings are read as browsers write forms: `+` is a space, `%2B` a plus.
@Suite struct FormQueryTests {
    @Test func plusIsASpaceInEveryQueryAPlusMustBeEscaped() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            // Search: both words of a passage, sent as a form sends them.
            try await client.execute(uri: "/api/search?q=natten+lampan", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                #expect((jsonArray(response.body) ?? []).count == 1)
            }
            try await client.execute(uri: "/search?q=natten+lampan", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("value=\"natten lampan\""))
                #expect(html.contains("int-001"))
            }
            // Title filter on the documents page: only "Vardag och trygghet när man bor ensam".
            try await client.execute(uri: "/?text=bor+ensam", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("bor ensam"))
                #expect(html.contains("/documents/int-001"))
                #expect(!html.contains("/documents/int-002"))
            }

            // A coder with a space, on a turn of R02 (living_situation "LSS servicebostad"): the
            // attribute filter goes through the speaker, so the span must be R02's words.
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                body: try body(["document": "int-002", "start": 120, "end": 140, "code": "need", "coder": "Maja L."])) { response in
                try #require(jsonObject(response.body)?["id"] as? String)
            }
            for uri in ["/api/codings?coder=Maja+L.", "/api/retrieval?code=need&coder=Maja+L.",
                        "/api/retrieval?code=need&attribute=living_situation%3DLSS+servicebostad&coder=Maja+L."] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect((jsonArray(response.body) ?? []).count == 1, "\(uri)")
                }
            }
            try await client.execute(uri: "/api/retrieval.csv?code=need&coder=Maja+L.", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains(id))
            }
            try await client.execute(uri: "/retrieval?code=need&coder=Maja+L.", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("1 coding "))
            }
            // An escaped plus stays a plus: "Maja+L." is no coder (refused with the nearest name).
            try await client.execute(uri: "/api/codings?coder=Maja%2BL.", method: .get, headers: browser.headers) { response in
                #expect(response.status == .notFound)
                #expect((jsonObject(response.body)?["detail"] as? String)?.hasPrefix("no coder 'Maja+L.' with codings; did you mean Maja L.") == true)
            }
            try await client.execute(uri: "/api/codings/\(id)?coder=Maja+L.&version=1", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
            // The removal is stored under the name as typed (read from the store, either kind).
            guard case .coding(let removed)? = try await fixture.context.store.ledgerRecord(id: id) else {
                Issue.record("coding \(id) not in the store")
                return
            }
            #expect(removed.removed?.by == "Maja L.")
        }
    }
}

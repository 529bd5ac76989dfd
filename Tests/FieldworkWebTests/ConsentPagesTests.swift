import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// After a resident withdraws consent, the document page, the document API, search and
/// retrieval no longer show their words; the page says that words were withheld.
@Suite struct ConsentPagesTests {
    @Test func aWithdrawalHidesTheWordsFromEveryResearcherView() async throws {
        let fixture = try await WebFixture()
        let phrase = "Telefonen säger till"  // R02's own words in int-002
        let code = try await fixture.context.codings.add(
            document: "int-002", span: try await fixture.span(of: phrase, in: "int-002"), code: "need", coder: "Anna")
        // R02 withdraws after the interview; the register is ingested again.
        let path = fixture.root.appending(path: "corpus/participants.yaml")
        let register = try String(contentsOf: path, encoding: .utf8)
            .replacingOccurrences(of: "          - {event: given, date: 2025-02-27, by: Anna, how: \"easy-read form signed with support person present\"}\n",
                                  with: "          - {event: given, date: 2025-02-27, by: Anna, how: \"easy-read form signed with support person present\"}\n"
                                      + "          - {event: withdrawn, date: 2025-06-01, by: Anna, how: phone}\n")
        #expect(register.contains("{event: withdrawn, date: 2025-06-01"))
        try Data(register.utf8).write(to: path)
        #expect(try await fixture.context.ingest.ingest().succeeded)

        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/documents/int-002", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains(phrase) && html.contains("withheld: consent (consent withdrawn)"))
                // The interviewer's turns stay readable.
                #expect(html.contains("Kan du berätta om en vanlig dag?"))
            }
            try await client.execute(uri: "/api/documents/int-002", method: .get, headers: browser.headers) { response in
                let document = try #require(jsonObject(response.body))
                let text = try #require(document["text"] as? String)
                #expect(!text.contains(phrase) && text.contains("Kan du berätta om en vanlig dag?"))
            }
            try await client.execute(uri: "/api/search?q=Telefonen", method: .get, headers: browser.headers) { response in
                let hits = (jsonArray(response.body) ?? []).compactMap { $0 as? [String: Any] }
                // The interviewer's question with the word is found; R02's answer is not.
                #expect(hits.contains { $0["document"] as? String == "int-002" && $0["speaker"] as? String == "Intervjuare" })
                #expect(!hits.contains { $0["speaker"] as? String == "R02" })
            }
            try await client.execute(uri: "/api/retrieval?code=need", method: .get, headers: browser.headers) { response in
                let items = (jsonArray(response.body) ?? []).compactMap { $0 as? [String: Any] }
                let item = try #require(items.first { ($0["coding"] as? [String: Any])?["id"] as? String == code.id })
                #expect(item["withheld"] as? String == "consent withdrawn")
                #expect(!String(buffer: response.body).contains(phrase))
            }
            try await client.execute(uri: "/retrieval?code=need", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains(phrase) && html.contains("withheld: consent"))
            }
        }
    }
}

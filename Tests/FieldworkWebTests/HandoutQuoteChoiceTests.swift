import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The handout page offers every quotable passage to choose from, prints the chosen ones in the
/// order listed, keeps the choice across its links, and says what the rules left out.
@Suite struct HandoutQuoteChoiceTests {
    /// "(1 passages may be quoted)" (found by a new user).
    @Test func oneQuotablePassageIsCountedInTheSingular() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.codings.add(document: "int-001", span: try await fixture.span(of: "Det var i januari förra året.", in: "int-001"),
                                                  code: "need.safety.night", coder: "anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/handouts/need.safety.night", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("Choose the quotes (1 passage may be quoted)"))
            }
        }
    }

    @Test func aFacilitatorChoosesTheQuotesOnTheHandoutPage() async throws {
        let fixture = try await WebFixture()
        // Two of R01's turns in int-001 and one of R02's, who has no quote consent.
        let fall = "Det var i januari förra året."
        let lamp = "Otryggt. Jag har lampan tänd i hallen hela natten nu"
        let first = try await fixture.context.codings.add(
            document: "int-001", span: try await fixture.span(of: fall, in: "int-001"), code: "need.safety.night", coder: "anna")
        let second = try await fixture.context.codings.add(
            document: "int-001", span: try await fixture.span(of: lamp, in: "int-001"), code: "need.safety.night", coder: "anna")
        let refused = try await fixture.context.codings.add(document: "int-002", span: 884..<943, code: "need.safety.night", coder: "anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            // Unchosen: the handout prints R01's first passage; both of R01's are offered, as
            // "resident 1", never by pseudonym; R02's is not offered at all.
            try await client.execute(uri: "/handouts/need.safety.night", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                let sheet = try #require(html.components(separatedBy: "<section class=\"sheet\"").last)
                #expect(sheet.contains(fall) && !sheet.contains(lamp))
                #expect(html.contains("value=\"\(first.id)\"") && html.contains("value=\"\(second.id)\""))
                #expect(!html.contains("value=\"\(refused.id)\""))
                #expect(html.components(separatedBy: "resident 1 ·").count == 3)
                #expect(html.contains("· coded by 1 coder</span>"))
                #expect(!html.contains("R01") && !html.contains("R02"))
                #expect(html.contains("Choose the quotes (2 passages may be quoted)"))
            }
            // Chosen: R01's second passage only; the links to the other variant keep the choice.
            try await client.execute(uri: "/handouts/need.safety.night?quote=\(second.id)", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                let sheet = try #require(html.components(separatedBy: "<section class=\"sheet\"").last)
                #expect(sheet.contains(lamp) && !sheet.contains(fall))
                #expect(html.contains("value=\"\(second.id)\" checked") && !html.contains("value=\"\(first.id)\" checked"))
                #expect(html.contains("?lang=sv&amp;easy_read=1&amp;quote=\(second.id)"))
                #expect(html.contains("Quotes chosen by hand"))
            }
            // Both of R01's, and R02's unconsented one: one per person, no consent: said, not printed.
            let asked = "quote=\(first.id)&quote=\(second.id)&quote=\(refused.id)&quote=c-nope"
            try await client.execute(uri: "/handouts/need.safety.night?\(asked)", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let sheet = try #require(html.components(separatedBy: "<section class=\"sheet\"").last)
                #expect(sheet.contains(fall) && !sheet.contains(lamp) && !sheet.contains("c-nope"))
                #expect(html.contains("<code>\(second.id)</code>: an earlier chosen quote is the same person&#39;s")
                        || html.contains("<code>\(second.id)</code>: an earlier chosen quote is the same person's"))
                #expect(html.contains("<code>\(refused.id)</code>: the speaker"))
                #expect(html.contains("<code>c-nope</code>: no passage of this theme has this coding"))
            }
            // In Swedish for a Swedish interface.
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            try await client.execute(uri: "/handouts/need.safety.night?quote=c-nope", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Valda citat som inte skrivs ut") && html.contains("boende 1 ·"))
            }
        }
    }

    /// A chosen quote from a document in another language named it by its code ("its document
    /// is in sv", "dokumentet är på sv"): the language's name, in the interface's language.
    @Test func aQuoteInAnotherLanguageNamesThatLanguage() async throws {
        let fixture = try await WebFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let swedishQuote = try await fixture.context.codings.add(
            document: "int-001", span: try await fixture.span(of: "Det var i januari förra året.", in: "int-001"), code: "need.safety.night", coder: "anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (headers, reason) in [(browser.headers, "its document is in Swedish, not the handout"),
                                      (browser.swedishHeaders, "dokumentet är på svenska, inte på underlagets språk")] {
                try await client.execute(uri: "/handouts/need.safety.night?lang=en&quote=\(swedishQuote.id)", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains("<code>\(swedishQuote.id)</code>: \(reason)"))
                }
            }
        }
    }
}

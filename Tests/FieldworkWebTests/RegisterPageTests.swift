import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/register`: the policy-lab register page on the sample's two sessions, in both languages,
/// with the notes' problems listed by file and line (issue 13 part 5).
@Suite struct RegisterPageTests {
    @Test func theRegisterShowsEveryProposalWithItsHistoryInBothLanguages() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var english = browser.headers
            english[.acceptLanguage] = "en"
            try await client.execute(uri: "/register", method: .get, headers: english) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/register\" aria-current=\"page\">Register</a>"))
                // A wide table scrolls in its own box, named by its caption; dates never break (span.date).
                #expect(html.contains("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"register-caption\"><table class=\"register\"><caption id=\"register-caption\">5 proposals</caption>"))
                for id in ["P1", "P2", "P3", "P4", "P5"] { #expect(html.contains("id=\"proposal-\(id)\"")) }
                let p1 = try #require(html.components(separatedBy: "<tr id=\"proposal-P1\"").dropFirst().first?.components(separatedBy: "</tr>").first)
                #expect(p1.contains("data-status=\"decided\"") && p1.contains("Consent model in three tiers"))
                #expect(p1.contains("<span class=\"date\">2025-10-07</span> · proposed · <a href=\"/documents/pl-001\">pl-001</a>"))
                #expect(p1.contains("<span class=\"date\">2026-02-12</span> · decided · <a href=\"/documents/pl-002\">pl-002</a>"))
                let p2 = try #require(html.components(separatedBy: "<tr id=\"proposal-P2\"").dropFirst().first?.components(separatedBy: "</tr>").first)
                #expect(p2.contains("<a href=\"/needs/need.safety.falls\">"))
                #expect(p2.contains("Fall detection sensor"))   // solutions by name
                #expect(!html.contains("register-problems"))
            }
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            try await client.execute(uri: "/register", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h1>Policylabbets register</h1>"))
                #expect(html.contains("<span class=\"date\">2026-02-12</span> · beslutad"))
                #expect(html.contains("<th scope=\"col\">Svarar på</th>"))
            }
        }
    }

    @Test func problemsInTheNotesAreListedByFileAndLine() async throws {
        let fixture = try await WebFixture()
        try """
            ---
            id: pl-009
            type: policy-lab
            title: Trasigt
            date: 2026-04-01
            language: sv
            participants: []
            ---
            # Labb

            ## Förslag P9: <b>Ny</b> idé

            - Status: kanske
            """.write(to: fixture.root.appending(path: "corpus/policy-lab/pl-009.md"), atomically: true, encoding: .utf8)
        #expect(try await fixture.context.ingest.ingest().succeeded)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/register", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h2 id=\"register-problems\">"))
                #expect(html.contains("<code>corpus/policy-lab/pl-009.md:13</code> unknown status &quot;kanske&quot; in proposal P9"))
                #expect(html.contains("&lt;b&gt;Ny&lt;/b&gt; idé") && !html.contains("<b>Ny</b>"))
            }
            // The problems in the reader's language (the CLI and the API keep English).
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            try await client.execute(uri: "/register", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<code>corpus/policy-lab/pl-009.md:13</code> okänd status ”kanske” i förslag P9; skriv "), "\(html)")
                #expect(!html.contains("unknown status"))
            }
        }
    }
}

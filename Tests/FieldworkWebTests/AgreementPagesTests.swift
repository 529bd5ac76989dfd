import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AgreementPagesTests {
    /// Anna and Bo coded int-001 (`AgreementAPITests.code`); Cleo, a newcomer, one passage of int-003 only.
    static func withCleo() async throws -> WebFixture {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        let other = try await fixture.context.store.segments(documentID: "int-003")
        _ = try await fixture.context.codings.add(document: "int-003", span: other[1].start..<(other[1].start + 5), code: "barrier", coder: "Cleo")
        return fixture
    }

    /// The pages let the reader choose the coders compared: a newcomer's test codings (Cleo, one
    /// coding in int-003) took every document but int-003 out of the comparison, with no way on
    /// the page to leave them out. By default the newcomer is set aside now, said under the
    /// boxes, and can be ticked (`DefaultComparedCoders`).
    @Test func theComparedCodersAreChosenOnThePage() async throws {
        let fixture = try await Self.withCleo()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for page in ["/agreement", "/disagreements"] {
                try await client.execute(uri: page, method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("<form class=\"filters\" method=\"get\" action=\"\(page)\"><fieldset class=\"attribute-columns\"><legend>Coders compared</legend>"), "\(page)")
                    for coder in ["Anna", "Bo"] {
                        #expect(html.contains("<label><input type=\"checkbox\" name=\"coders\" value=\"\(coder)\" checked> \(coder)</label>"), "\(page): \(coder)")
                    }
                    #expect(html.contains("<label><input type=\"checkbox\" name=\"coders\" value=\"Cleo\"> Cleo</label>"), "\(page)")
                    #expect(html.contains("<p class=\"hint\">Not compared: Cleo, who coded few of the documents the others share. Tick them above to compare them too.</p>"), "\(page)")
                    if page == "/agreement" { #expect(html.contains("<a href=\"/documents/int-001\">int-001</a>")) }
                }
                try await client.execute(uri: page, method: .get, headers: browser.swedishHeaders) { response in
                    #expect(String(buffer: response.body).contains("Jämförs inte: Cleo, som har kodat få av de dokument som de andra delar."), "\(page)")
                }
                // Ticked, the newcomer is compared, and nothing is said to be set aside.
                try await client.execute(uri: "\(page)?coders=Anna&coders=Bo&coders=Cleo", method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("value=\"Cleo\" checked> Cleo</label>") && !html.contains("Not compared:"), "\(page)")
                }
                // The checkboxes' query: Anna and Bo only, so int-001 is compared again.
                try await client.execute(uri: "\(page)?coders=Anna&coders=Bo", method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("value=\"Cleo\"> Cleo</label>") && html.contains("value=\"Anna\" checked>"), "\(page)")
                    #expect(html.contains("Anna, Bo") && !html.contains("Anna, Bo, Cleo"), "\(page)")
                    if page == "/agreement" { #expect(html.contains("<a href=\"/documents/int-001\">int-001</a>")) }
                }
            }
            try await client.execute(uri: "/agreement", method: .get, headers: browser.headers) { response in
                #expect(!String(buffer: response.body).contains("<a href=\"/documents/int-001\">int-001</a>, "))
            }
            // The APIs name whom they set aside.
            for api in ["/api/agreement", "/api/disagreements"] {
                try await client.execute(uri: api, method: .get, headers: browser.headers) { response in
                    let body = try #require(jsonObject(response.body), "\(api)")
                    #expect(body["coders"] as? [String] == ["Anna", "Bo"] && body["set_aside"] as? [String] == ["Cleo"], "\(api): \(body)")
                }
            }
        }
    }

    /// Coders who share no document: both pages say nothing was compared and how to change that,
    /// where the agreement page said "Documents: ." over an empty table and the disagreements
    /// page "No disagreements" (found by a new user).
    @Test func codersWhoShareNoDocumentAreToldNothingWasCompared() async throws {
        let fixture = try await Self.withCleo()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let swedish = browser.swedishHeaders
            for page in ["/agreement", "/disagreements"] {
                try await client.execute(uri: "\(page)?coders=Anna&coders=Cleo", method: .get, headers: browser.headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains("No document was coded by every one of these coders (Anna, Cleo), so nothing is compared."), "\(page)")
                    #expect(!html.contains("No disagreements.") && !html.contains("Documents: ."), "\(page)")
                }
                try await client.execute(uri: "\(page)?coders=Anna&coders=Cleo", method: .get, headers: swedish) { response in
                    #expect(String(buffer: response.body).contains("Inget dokument är kodat av alla dessa kodare (Anna, Cleo)"), "\(page)")
                }
            }
        }
    }

    /// With no codings, or one coder's, the disagreements page said "Coders compared: ." over an
    /// empty list (found by a new user); it says there is no one to compare yet.
    @Test func fewerThanTwoCodersAreNoComparison() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func page(_ headers: HTTPFields) async throws -> String {
                try await client.execute(uri: "/disagreements", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    return String(buffer: response.body)
                }
            }
            for coded in [false, true] {
                if coded {
                    let segments = try await fixture.context.store.segments(documentID: "int-003")
                    _ = try await fixture.context.codings.add(document: "int-003", span: segments[1].start..<(segments[1].start + 5),
                                                              code: "barrier", coder: "Anna")
                }
                let english = try await page(browser.headers)
                #expect(english.contains("<p class=\"empty\">No coders to compare yet: disagreements need at least two coders who have coded the same documents.</p>"), "\(coded)")
                #expect(!english.contains("Coders compared:") && !english.contains("disputed passage"), "\(coded)")
                let swedish = try await page(browser.swedishHeaders)
                #expect(swedish.contains("Inga kodare att jämföra ännu") && !swedish.contains("Jämförda kodare:"), "\(coded)")
            }
        }
    }

    /// A coder who did not apply a disputed code but has an orphan of it in the document is named
    /// under it, in the page's language and in the API (`orphaned_by`).
    @Test func aDisputedCodeNamesTheCoderWhoseCodingOfItIsOrphaned() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        try await fixture.context.store.insertCoding(Coding(
            id: Coding.newID(), documentID: "int-001", codeID: "barrier", coder: "Anna", memo: nil,
            anchor: TextQuoteAnchor(quote: "ord som inte längre finns", prefix: "", suffix: "", start: 40, end: 65),
            status: .orphaned, createdAt: Coding.timestamp()))
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/disagreements?coders=Anna&coders=Bo", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<p class=\"orphan-note\">Orphaned here: Anna — a coding of this code in this document lost its place "
                    + "when the transcript changed, and it may be this passage. <a href=\"/documents/int-001\">Re-attach it first</a></p>"), "\(html)")
            }
            let swedish = browser.swedishHeaders
            try await client.execute(uri: "/disagreements?coders=Anna&coders=Bo", method: .get, headers: swedish) { response in
                #expect(String(buffer: response.body).contains("Utan fäste: Anna — "))
            }
            try await client.execute(uri: "/api/disagreements?coders=Anna&coders=Bo", method: .get, headers: browser.headers) { response in
                let passages = try #require(jsonObject(response.body)?["passages"] as? [[String: Any]])
                let decisions = passages.flatMap { $0["decisions"] as? [[String: Any]] ?? [] }
                #expect(decisions.map { $0["orphaned_by"] as? [String] }.contains(["Anna"]))
                #expect(decisions.allSatisfy { ($0["orphaned_by"] as? [String]) == [] || $0["code"] as? String == "barrier" })
            }
        }
    }

    @Test func agreementAndCooccurrencePagesShowTheServiceNumbers() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/agreement?coders=Anna,Bo", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/agreement\" aria-current=\"page\">Agreement</a>"))
                #expect(html.contains("<caption>Per code and pooled</caption>"))
                // The codes by name, as every other page shows them (the rows showed ids).
                #expect(html.contains("<tr data-code=\"need.safety.night\"><th scope=\"row\">Feeling safe at night</th><td>"))
                #expect(html.contains("<caption>Disagreements</caption>"))
                #expect(html.contains("<td data-code=\"barrier\">Barriers</td><td>Bo</td><td>Anna</td>"))
                #expect(!html.contains("style="))
            }
            let swedish = browser.swedishHeaders
            try await client.execute(uri: "/agreement?coders=Anna,Bo", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<th scope=\"row\">Att känna sig trygg på natten</th>"))
                // Swedish decimal commas: "0,500", never "0.500".
                #expect(html.contains(",500</td>") || html.contains(",000</td>"), "\(html)")
                #expect(html.firstMatch(of: /<td>\d\.\d{3}<\/td>/) == nil)
            }
            // Why a statistic has no value, in the page's language (the API keeps the English).
            try await client.execute(uri: "/agreement?coders=Anna", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<td>needs at least two coders</td>"))
            }
            try await client.execute(uri: "/agreement?coders=Anna", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<td>kräver minst två kodare</td>"))
                #expect(!html.contains("needs at least"))
                // No value said in Swedish, not "n/a" (found by a new user).
                #expect(html.contains("<td>e.t.</td>") && !html.contains("n/a"))
            }
            try await client.execute(uri: "/cooccurrence?coder=Anna", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<svg class=\"heatmap\""))
                // One pair drawn in both halves of the symmetric map, with its numbers in the title,
                // by the codes' names ("need.safety.night + barrier: 1 segments" before).
                #expect(html.components(separatedBy: "Feeling safe at night + Barriers: 1 segment, Jaccard 0.500").count == 3)
                #expect(html.contains(">1</a></td><td>0.500</td>"))  // barrier: 2 segments (int-001, int-002)
                #expect(html.contains("<td>Feeling safe at night (1)</td><td>Barriers (2)</td>"))
            }
            // In Swedish with a decimal comma, as the agreement page (it said 0.500; found by a new user).
            try await client.execute(uri: "/cooccurrence?coder=Anna", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains(">1</a></td><td>0,500</td>") && html.contains("Jaccard 0,500"))
            }
            try await client.execute(uri: "/cooccurrence?coder=Anna", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                // Labels in the theme's text colour, none cut at a fixed width.
                #expect(html.contains("fill=\"currentColor\">Feeling safe at night</text>") && !html.contains("fill=\"#333\""))
                #expect(!html.contains("style="))
            }
        }
    }
}

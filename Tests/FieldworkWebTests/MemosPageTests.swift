import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Memos on codes and on the project could be made (API, QDPX import) but were shown on no page
/// (found by a new user): `/memos` shows every memo under a link to its place, with a form for
/// the project's own, and a code's retrieval page its memos with a form.
@Suite struct MemosPageTests {
    @Test func everyMemoHasAPlaceOnAPage() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.memos.add(target: .project, targetID: "", author: "Anna", text: "Fokus: natten <först>")
        _ = try await fixture.context.memos.add(target: .code, targetID: "need.safety.night", author: "Bo", text: "Kodens gräns mot sömn")
        _ = try await fixture.context.memos.add(target: .document, targetID: "int-001", author: "Anna", text: "Intervjun avbröts")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/memos", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let project = try #require(html.components(separatedBy: "<section class=\"memos\"").last?.components(separatedBy: "</section>").first)
                #expect(project.contains("data-target=\"project\" data-target-id=\"\"") && project.contains("Project memos"))
                #expect(project.contains("Fokus: natten &lt;först&gt;") && project.contains("<form class=\"memo-form\">"))
                #expect(!project.contains("Kodens gräns"))
                #expect(html.contains("<h2 id=\"memos-code\">Memos on codes</h2><h3><a href=\"/retrieval?code=need.safety.night#memos-title\">"))
                #expect(html.contains("Kodens gräns mot sömn") && html.contains("Intervjun avbröts"))
                #expect(html.contains("<a href=\"/documents/int-001#memos-title\">"))
                #expect(html.contains("<a href=\"/memos\" aria-current=\"page\">Memos</a>"))
            }
            try await client.execute(uri: "/retrieval?code=need.safety.night", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                let memos = try #require(html.components(separatedBy: "<section class=\"memos\"").last)
                #expect(memos.contains("data-target=\"code\" data-target-id=\"need.safety.night\"") && memos.contains("Memos on this code"))
                #expect(memos.contains("Kodens gräns mot sömn") && !memos.contains("Fokus"))
            }
            // Two codes retrieved together: no one code's memos.
            try await client.execute(uri: "/retrieval?code=need.safety.night&code=need.safety", method: .get, headers: browser.headers) { response in
                #expect(!String(buffer: response.body).contains("<section class=\"memos\""))
            }
            try await client.execute(uri: "/memos", method: .get, headers: browser.swedishHeaders) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Projektmemon") && html.contains("Memon om koder") && html.contains("Memon om dokument"))
            }
        }
    }

    /// With no memo on a code or document the page was a form alone, and a new user could not
    /// tell where those are written: it says so, in the page's language; with one, it does not.
    @Test func withoutMemosOnCodesOrDocumentsThePageSaysWhereTheyAreWritten() async throws {
        let fixture = try await WebFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (headers, expected) in [(browser.headers, "<p class=\"empty\">No memos on codes or documents yet: a code’s memos are written"),
                                        (browser.swedishHeaders, "<p class=\"empty\">Inga memon om koder eller dokument ännu: en kods memon skrivs")] {
                try await client.execute(uri: "/memos", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains(expected))
                }
            }
            _ = try await fixture.context.memos.add(target: .document, targetID: "int-001", author: "Anna", text: "Intervjun avbröts")
            try await client.execute(uri: "/memos", method: .get, headers: browser.headers) { response in
                #expect(!String(buffer: response.body).contains("No memos on codes or documents yet"))
            }
        }
    }

    /// During a blind pass a colleague's memos are hidden on purpose, yet the page said there were
    /// no memos on codes or documents yet (found by a new user): it says only the coder's own
    /// are shown, in the page's language, and is marked for blind.js to ask again when the pass changes.
    @Test func duringABlindPassTheEmptyStateSaysOnlyYourOwnMemosAreShown() async throws {
        let fixture = try await WebFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        _ = try await fixture.context.memos.add(target: .code, targetID: "need.safety", author: "Bo", text: "Bos kodmemo")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var blind = browser.headers
            blind[.cookie] = browser.cookie + "; fieldwork_coder=Anna; fieldwork_blind=on"
            var swedish = browser.swedishHeaders
            swedish[.cookie] = blind[.cookie]
            for (headers, expected) in [(blind, "<p class=\"empty\">During your blind pass only your own memos are shown, and you have none on codes or documents yet"),
                                        (swedish, "<p class=\"empty\">Under din blindkodning visas bara dina egna memon, och du har inga om koder eller dokument ännu")] {
                try await client.execute(uri: "/memos", method: .get, headers: headers) { response in
                    let html = String(buffer: response.body)
                    #expect(html.contains(expected))
                    #expect(!html.contains("No memos on codes or documents yet") && !html.contains("Inga memon om koder"))
                    // Nor does the lead promise every memo on a code or a document.
                    #expect(!html.contains("every memo on a code") && !html.contains("alla memon om en kod"))
                    #expect(html.contains("Your own memos, while your blind pass is on") || html.contains("Dina egna memon, medan din blindkodning pågår"))
                    #expect(!html.contains("Bos kodmemo") && html.contains("<div data-compares-coders=\"withheld\">"))
                }
            }
            try await client.execute(uri: "/memos", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Bos kodmemo") && !html.contains("During your blind pass"))
                #expect(html.contains("every memo on a code or a document") && !html.contains("Your own memos, while"))
                #expect(html.contains("<div data-compares-coders=\"shown\">"))
            }
        }
    }
}

import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Over a real socket: a browser in a blind pass (its `fieldwork_blind` cookie, mirrored by
/// blind.js) is sent no comparison of coders. `/agreement` and `/disagreements` showed every
/// coder's codes, names and disputed passages to a coder whose pass was meant to be independent.
@Suite struct BlindPassPagesTests {
    @Test func thePagesThatCompareCodersAreWithheldDuringABlindPass() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            var blind = browser.headers
            blind[.cookie] = browser.cookie + "; fieldwork_coder=Anna; fieldwork_blind=on"
            for page in ["/agreement", "/disagreements?coders=Anna,Bo"] {
                // The page's own part (the header's language links repeat the address asked for).
                let withheld = try await client.execute(uri: page, method: .get, headers: blind) { response in
                    #expect(response.status == .ok)
                    let html = String(buffer: response.body)
                    return html.firstMatch(of: /<main[^>]*>([\s\S]*)<\/main>/).map { String($0.1) } ?? html
                }
                #expect(withheld.contains("<div data-compares-coders=\"withheld\">"), "\(page)")
                #expect(withheld.contains("is not shown while your blind pass is on."), "\(page)")
                // Nothing of the comparison: no other coder, no disputed code, no passage.
                for trace in ["Bo", "barrier", "need.safety.night", "int-001", "side-by-side", "name=\"coders\""] {
                    #expect(!withheld.contains(trace), "\(page) shows \(trace)")
                }
                let shown = try await client.execute(uri: page, method: .get, headers: browser.headers) { response in
                    String(buffer: response.body)
                }
                #expect(shown.contains("<div data-compares-coders=\"shown\">") && shown.contains("Bo"), "\(page)")
            }
            var swedish = blind
            swedish[.acceptLanguage] = "sv"
            try await client.execute(uri: "/agreement", method: .get, headers: swedish) { response in
                #expect(String(buffer: response.body).contains("visas inte medan din blindkodning är på."))
            }
        }
    }

    /// A colleague's memo (an adjudication's "dismissed code=…", a thought on a code) tells what
    /// they coded: during a blind pass every page and the API show only the coder's own memos
    /// (found by a new user).
    @Test func onlyTheCodersOwnMemosAreShownDuringABlindPass() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.memos.add(target: .document, targetID: "int-001", author: "Bo", text: "Bos anteckning: dismissed code=barrier")
        _ = try await fixture.context.memos.add(target: .document, targetID: "int-001", author: "Anna", text: "Annas egen anteckning")
        _ = try await fixture.context.memos.add(target: .code, targetID: "need.safety", author: "Bo", text: "Bos kodmemo")
        _ = try await fixture.context.memos.add(target: .project, targetID: "", author: "Bo", text: "Bos projektmemo")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var blind = browser.headers
            blind[.cookie] = browser.cookie + "; fieldwork_coder=Anna; fieldwork_blind=on"
            for uri in ["/documents/int-001", "/documents/int-001/print", "/memos", "/retrieval?code=need.safety", "/api/memos"] {
                try await client.execute(uri: uri, method: .get, headers: blind) { response in
                    let body = String(buffer: response.body)
                    #expect(!body.contains("Bos "), "\(uri)")
                    if uri.contains("int-001") || uri == "/memos" || uri == "/api/memos" { #expect(body.contains("Annas egen anteckning"), "\(uri)") }
                }
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(String(buffer: response.body).contains("Bos "), "\(uri) without the pass")
                }
            }
        }
    }

    /// The needs pages counted everyone's codings and showed a colleague's link rationale and
    /// name during a blind pass (left open last session): they count the coder's own codings
    /// then, and a colleague's link shows only its solution and status.
    @Test func theNeedsPagesCountOnlyTheCodersOwnCodingsDuringABlindPass() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need.safety", coder: "Bo")
        _ = try await fixture.context.codings.add(document: "int-001", span: 60..<80, code: "need.safety", coder: "Bo")
        _ = try await fixture.context.codings.add(document: "int-001", span: 100..<120, code: "need.safety", coder: "Anna")
        let solution = try #require(SolutionCatalogue.load(fixture.context.workspace).solutions.first)
        _ = try await fixture.context.needLinks.link(need: "need.safety", solution: solution.id, rationale: "Bos skäl: kodade natten", coder: "Bo")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var blind = browser.headers
            blind[.cookie] = browser.cookie + "; fieldwork_coder=Anna; fieldwork_blind=on"
            let everyone = try #require(try await fixture.context.needsRegister.evidence(needID: "need.safety"))
            let own = try #require(try await fixture.context.needsRegister.evidence(needID: "need.safety", coder: "Anna"))
            #expect(everyone.codings > own.codings)
            try await client.execute(uri: "/needs/need.safety", method: .get, headers: blind) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-compares-coders=\"withheld\""))
                #expect(html.contains("<dd>\(own.codings)</dd>") && !html.contains("Bos skäl") && !html.contains(" · Bo<"), "\(html)")
                #expect(html.contains("A colleague’s link"))
            }
            try await client.execute(uri: "/needs/need.safety", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-compares-coders=\"shown\"") && html.contains("<dd>\(everyone.codings)</dd>") && html.contains("Bos skäl"))
            }
            try await client.execute(uri: "/needs", method: .get, headers: blind) { response in
                #expect(String(buffer: response.body).contains("data-compares-coders=\"withheld\""))
            }
        }
    }
}

import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Retrieval over several codes (`code=a&code=b`: passages coded with any of them, each coding
/// once) and the attribute picker on the retrieval page.
@Suite struct RetrievalSeveralCodesTests {
    @Test func severalCodesAreRetrievedTogetherInTheAPITheCSVAndThePage() async throws {
        let fixture = try await WebFixture()
        let night = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need.safety.night", coder: "Anna")
        let cost = try await fixture.context.codings.add(document: "int-002", span: 20..<40, code: "barrier.cost", coder: "Anna")
        _ = try await fixture.context.codings.add(document: "int-002", span: 50..<70, code: "emotion.fear", coder: "Anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func ids(_ uri: String) async throws -> [String] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return (jsonArray(response.body) as? [[String: Any]] ?? []).compactMap { $0["id"] as? String ?? ($0["coding"] as? [String: Any])?["id"] as? String }
                }
            }
            #expect(try await ids("/api/retrieval?code=need.safety").count == 1)
            let both = try await ids("/api/retrieval?code=need.safety&code=barrier.cost")
            #expect(Set(both) == [night.id, cost.id] && both.count == 2)
            // A code given twice, or inside another given code, still counts each coding once.
            #expect(try await ids("/api/retrieval?code=need&code=need.safety.night&code=barrier.cost").count == 2)
            try await client.execute(uri: "/api/retrieval?code=need&code=no.such", method: .get, headers: browser.headers) { response in
                #expect(response.status == .unprocessableContent)
            }
            try await client.execute(uri: "/api/retrieval.csv?code=need.safety&code=barrier.cost", method: .get, headers: browser.headers) { response in
                let rows = String(buffer: response.body).split(separator: "\r\n")
                #expect(rows.count == 3)
            }
            try await client.execute(uri: "/retrieval?code=need.safety&code=barrier.cost", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-more=\"barrier.cost\""))
                #expect(html.contains("2 codings"))
                #expect(html.contains("/api/retrieval.csv?code=need.safety&amp;code=barrier.cost") || html.contains("code=barrier.cost&amp;code=need.safety")
                        || html.contains("code=need.safety&amp;code=barrier.cost"), "the CSV link carries both codes")
            }
            // The attribute picker offers the participants' values; choosing one filters.
            try await client.execute(uri: "/retrieval", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<select name=\"attribute\">"))
                #expect(html.contains("<option value=\"living_situation=alone\">living_situation: alone</option>"))
                #expect(html.contains("<option value=\"age_band=75-79\">"))
                #expect(!html.contains("<input name=\"attribute\""))
            }
            try await client.execute(uri: "/retrieval?code=need&attribute=living_situation%3Dalone", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<option value=\"living_situation=alone\" selected>"))
            }
        }
    }

    /// R01 withdrew every consent: the picker no longer offers the value only they had (their
    /// support), and still offers values others share.
    @Test func thePickerLeavesOutAValueOnlyAWithdrawnParticipantHas() async throws {
        let fixture = try await WebFixture()
        let support = "<option value=\"support=hemtjänst 3 ggr/dag, trygghetslarm\">"
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let before = try await client.execute(uri: "/retrieval", method: .get, headers: browser.headers) { String(buffer: $0.body) }
            #expect(before.contains(support))
            try ConsentStates.withdrawSampleR01(in: fixture.root)
            #expect(try await fixture.context.ingest.ingest().succeeded)
            let html = try await client.execute(uri: "/retrieval", method: .get, headers: browser.headers) { String(buffer: $0.body) }
            #expect(!html.contains(support))
            #expect(html.contains("<option value=\"living_situation=alone\">"))
        }
    }
}

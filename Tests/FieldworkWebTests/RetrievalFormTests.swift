import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The retrieval form offers what the API does: a parent code's own passages without those of
/// the codes below it (NVivo's "include sub-codes" off). The API had it; the form did not.
@Suite struct RetrievalFormTests {
    @Test func theFormRetrievesACodeWithOrWithoutTheCodesBelowIt() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need.safety", coder: "Anna")
        _ = try await fixture.context.codings.add(document: "int-001", span: 60..<90, code: "need.safety.night", coder: "Anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func page(_ query: String) async throws -> String {
                try await client.execute(uri: "/retrieval?\(query)", method: .get, headers: browser.headers) { String(buffer: $0.body) }
            }
            let both = try await page("code=need.safety")
            #expect(both.contains("<select name=\"include_children\"><option value=\"true\">included</option><option value=\"false\">left out</option></select>"))
            let alone = try await page("code=need.safety&include_children=false")
            #expect(alone.contains("<option value=\"false\" selected>left out</option>"))
            // The passages: both codings with the codes below, the parent's own alone without.
            #expect(both.components(separatedBy: "data-code=\"need.safety.night\"").count > alone.components(separatedBy: "data-code=\"need.safety.night\"").count)
            #expect(alone.contains("data-code=\"need.safety\""))
        }
    }
}

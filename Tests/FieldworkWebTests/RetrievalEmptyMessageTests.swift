import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The retrieval page with nothing to show: with no filter the code has no passages yet (code
/// one), with filters none of its passages pass them (clear them). It used to give the first
/// advice for both, so a filter by an unknown coder said the code was unused.
@Suite struct RetrievalEmptyMessageTests {
    @Test func anEmptyFilteredRetrievalSaysTheFiltersLeftNothingAndOffersToClearThem() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need.safety.night", coder: "Anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func empty(_ uri: String, _ headers: HTTPFields? = nil) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: headers ?? browser.headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    return String(buffer: response.body).firstMatch(of: /<p class="empty">(.*?)<\/p>/).map { String($0.1) } ?? ""
                }
            }
            let name = "Feeling safe at night"
            let clear = "<a href=\"/retrieval?code=need.safety.night\">Clear the filters</a>"
            for filter in ["coder=Nobody", "administration=school", "type=note", "attribute=living_situation%3Dnowhere"] {
                let message = try await empty("/retrieval?code=need.safety.night&\(filter)")
                #expect(message == "No passage coded with “\(name)” (or a code below it) matches these filters. \(clear)", "\(filter)")
            }
            // The way back keeps the codes and their scope, and drops only the filters.
            #expect(try await empty("/retrieval?code=need.safety.night&code=barrier.cost&include_children=false&coder=Nobody")
                .contains("<a href=\"/retrieval?code=need.safety.night&amp;include_children=false&amp;code=barrier.cost\">"))
            // Unfiltered, a code with no codings still says how to code one.
            #expect(try await empty("/retrieval?code=barrier.cost").hasPrefix("No passage is coded with"))
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            #expect(try await empty("/retrieval?code=need.safety.night&coder=Nobody", swedish).hasSuffix(">Rensa filtren</a>"))
        }
    }
}

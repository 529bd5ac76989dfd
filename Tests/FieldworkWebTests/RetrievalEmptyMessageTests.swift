import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The retrieval page with nothing to show: with no filter the code has no passages yet (code
/// one), with filters none of its passages pass them (clear them). It used to give the first
/// advice for both, so a filter by a coder without such codings said the code was unused.
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
            for filter in ["coder=Consensus", "administration=school", "type=note", "attribute=living_situation%3Dnowhere"] {
                let message = try await empty("/retrieval?code=need.safety.night&\(filter)")
                #expect(message == "No passage coded with “\(name)” (or a code below it) matches these filters. \(clear)", "\(filter)")
            }
            // The way back keeps the codes and their scope, and drops only the filters.
            #expect(try await empty("/retrieval?code=need.safety.night&code=barrier.cost&include_children=false&coder=Consensus")
                .contains("<a href=\"/retrieval?code=need.safety.night&amp;include_children=false&amp;code=barrier.cost\">"))
            // Unfiltered, a code with no codings still says how to code one.
            #expect(try await empty("/retrieval?code=barrier.cost").hasPrefix("No passage is coded with"))
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv"
            #expect(try await empty("/retrieval?code=need.safety.night&coder=Consensus", swedish).hasSuffix(">Rensa filtren</a>"))
        }
    }

    /// `include_children=false` retrieves the code alone, yet the message spoke of "(or a code
    /// below it)". Over a real socket.
    @Test func aCodeRetrievedAloneIsNotSaidToIncludeTheCodesBelowIt() async throws {
        let fixture = try await WebFixture()
        // Coded only below `need.safety`: alone, it has no passage.
        _ = try await fixture.context.codings.add(document: "int-001", span: 20..<40, code: "need.safety.night", coder: "Anna")
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            func empty(_ uri: String) async throws -> String {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    String(buffer: response.body).firstMatch(of: /<p class="empty">(.*?)<\/p>/).map { String($0.1) } ?? ""
                }
            }
            let alone = try await empty("/retrieval?code=need.safety&include_children=false")
            #expect(alone.hasPrefix("No passage is coded with “Safety at home” itself yet."))
            let filtered = try await empty("/retrieval?code=need.safety&include_children=false&coder=Anna")
            #expect(filtered.hasPrefix("No passage coded with “Safety at home” itself matches these filters."))
            for message in [alone, filtered] { #expect(!message.contains("below it")) }
            // With the codes below it (the default) the message still says so.
            #expect(try await empty("/retrieval?code=barrier.cost").contains("(or a code below it)"))
        }
    }
}

import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The disagreements page holds an *Accept into consensus* and a *Dismiss* button for every open
/// decision; by their names alone a screen reader's list of buttons was the same two words over
/// and over (found by a new user). Each is described by the name of the code it decides.
@Suite struct DisagreementsButtonNamesTests {
    @Test func eachDecisionsButtonsAreDescribedByTheirCode() async throws {
        let fixture = try await WebFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        _ = try await AdjudicationAPITests.code(fixture)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/disagreements", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                let buttons = html.components(separatedBy: "<button type=\"button\"").dropFirst()
                    .filter { $0.contains("data-action=\"accept\"") || $0.contains("data-action=\"dismiss\"") }
                #expect(buttons.count == 4)  // barrier and need.safety.night: accept and dismiss each
                var described: Set<String> = []
                for button in buttons {
                    let id = try #require(button.components(separatedBy: "aria-describedby=\"").dropFirst().first?.components(separatedBy: "\"").first,
                                          "a button without a description: \(button.prefix(80))")
                    let name = try #require(html.components(separatedBy: "<strong id=\"\(id)\">").dropFirst().first?.components(separatedBy: "</strong>").first)
                    described.insert(name)
                }
                let codebook = try await fixture.context.store.codebook()
                #expect(described == Set(["barrier", "need.safety.night"].compactMap { codebook[$0]?.name }))
            }
        }
    }
}

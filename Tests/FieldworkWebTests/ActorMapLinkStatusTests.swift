import FieldworkCore
import FieldworkServices
import FieldworkWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A solution's line on the actor map ("serves") is noted with its need–solution link status.
/// The status was stored as note text, its English raw value, so the Swedish Actors page's key
/// said "piloted" and "candidate" among Swedish words (and so did the Swedish report's map).
@Suite struct ActorMapLinkStatusTests {
    /// R01 (social and care) speaks of night safety: the need has two administrations, so the
    /// piloted door sensor that serves it is drawn.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        _ = try await fixture.context.codings.add(document: "int-001", span: 1091..<1200, code: "need.safety.night", coder: "anna")
        _ = try await fixture.context.needLinks.link(need: "need.safety.night", solution: "door-sensor",
                                                     rationale: "Night door openings", status: .piloted, coder: "Anna")
        return fixture
    }

    @Test func theKeySaysTheStatusInThePagesLanguage() async throws {
        let fixture = try await Self.fixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            var swedish = browser.headers
            swedish[.acceptLanguage] = "sv-SE,sv;q=0.9"
            try await client.execute(uri: "/actors", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<td>tjänar</td><td>2 förvaltningar</td><td>pilottestad</td>"))
                #expect(!html.contains(">piloted<") && !html.contains("(piloted)"))
            }
            try await client.execute(uri: "/actors.svg", method: .get, headers: swedish) { response in
                let svg = String(buffer: response.body)
                #expect(svg.contains("2 förvaltningar (pilottestad)"))
                #expect(!svg.contains("piloted"))
            }
            try await client.execute(uri: "/actors", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<td>serves</td><td>2 administrations</td><td>piloted</td>"))
            }
            // The report's map says it in the report's own words, as its solutions section does.
            try await client.execute(uri: "/report?lang=sv", method: .get, headers: swedish) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("2 förvaltningar (prövas)"))
                #expect(!html.contains("piloted"))
            }
        }
    }
}

import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A need's page shows its telemetry events in the study's time zone (fieldwork.yaml, here the
/// default Europe/Stockholm) and says so wherever a time is shown: a table of "Time" next to
/// days in local time left a reader to guess whether 23:30 was the study's or UTC.
@Suite struct NeedTelemetryZoneTests {
    /// Readings whose UTC and Stockholm dates or hours differ: 21:30Z is 23:30 at night in
    /// Stockholm (not night at all in UTC), 23:15Z on 21 August is 01:15 on 22 August, and a
    /// motion gap from 22:30Z on 20 August (00:30 on 21 August in Stockholm).
    static let readings = """
        device,time,metric,value,unit
        r01-door-front,2025-08-20T21:30:00Z,open,1,
        r01-door-front,2025-08-21T23:15:00Z,open,1,
        r03-motion-hall,2025-08-20T22:30:00Z,motion,1,
        r03-motion-hall,2025-08-21T20:00:00Z,motion,1,

        """

    func page(_ fixture: WebFixture, language: String = "en") async throws -> String {
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            var headers = browser.headers
            headers[.acceptLanguage] = language
            return try await client.execute(uri: "/needs/need.safety.night", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
        }
    }

    @Test func nightAndInactivityTimesAreTheStudysAndNameItsZone() async throws {
        let fixture = try await NeedsPagesTests.fixture()
        let file = fixture.root.appending(path: "zone-edge.csv")
        try Self.readings.write(to: file, atomically: true, encoding: .utf8)
        _ = try await fixture.context.telemetryImport.importFile(file)
        let html = try await page(fixture)
        let door = try #require(html.components(separatedBy: "<figure").first { $0.contains("r01-door-front · open") })
        #expect(door.contains("r01-door-front · open · door openings at night (22–06, Europe/Stockholm)"))
        #expect(door.contains("<th scope=\"col\">Night</th><th scope=\"col\">Time (Europe/Stockholm)</th>"))
        #expect(door.contains("<th scope=\"row\">2025-08-20</th><td>23:30</td>"))
        #expect(door.contains("<th scope=\"row\">2025-08-21</th><td>01:15</td>"))
        #expect(!door.contains("<td>21:30</td>") && !door.contains("<td>23:15</td>"))
        #expect(html.contains("<th scope=\"col\">Last activity (Europe/Stockholm)</th><th scope=\"col\">Next activity (Europe/Stockholm)</th>"))
        #expect(html.contains("<tr><td>2025-08-21 00:30</td><td>2025-08-21 22:00</td></tr>"))
        let swedish = try await page(fixture, language: "sv")
        #expect(swedish.contains("<th scope=\"col\">Natt</th><th scope=\"col\">Tid (Europe/Stockholm)</th>"))
        #expect(swedish.contains("dörröppningar nattetid (22–06, Europe/Stockholm)"))
    }

    /// Another study zone moves the same instants and is the one named.
    @Test func theZoneOfFieldworkYamlIsTheOneShown() async throws {
        let fixture = try await NeedsPagesTests.fixture()
        let file = fixture.root.appending(path: "zone-edge.csv")
        try Self.readings.write(to: file, atomically: true, encoding: .utf8)
        _ = try await fixture.context.telemetryImport.importFile(file)
        try "telemetry:\n  time_zone: Asia/Tokyo\n".write(to: fixture.root.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
        let html = try await page(fixture)
        // 21:30Z is 06:30 the next morning in Tokyo (not night); 23:15Z is 08:15: neither at night.
        let door = html.components(separatedBy: "r01-door-front · open · door openings at night (22–06, Asia/Tokyo)")
        #expect(door.count > 1)
        #expect(!html.contains("<td>23:30</td>") && !html.contains("Europe/Stockholm"))
        #expect(html.contains("<tr><td>2025-08-21 07:30</td><td>2025-08-22 05:00</td></tr>"))
    }
}

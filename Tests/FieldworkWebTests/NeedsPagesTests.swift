import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct NeedsPagesTests {
    /// The sample workspace with the sample telemetry imported and two solutions linked.
    static func fixture() async throws -> WebFixture {
        let fixture = try await WebFixture()
        for file in ["pilot-2025-08.senml.json", "pilot-2025-08.csv"] {
            _ = try await fixture.context.telemetryImport.importFile(fixture.root.appending(path: "corpus/telemetry/\(file)"))
        }
        // R01 (door sensor) and R03 (motion sensor) speak of the need: their devices are charted.
        _ = try await fixture.context.codings.add(document: "int-001", span: 1091..<1200, code: "need.safety.night", coder: "anna")
        _ = try await fixture.context.codings.add(document: "int-003", span: 298..<400, code: "need.safety.night", coder: "anna")
        _ = try await fixture.context.needLinks.link(need: "need.safety.night", solution: "door-sensor",
                                                     rationale: "Night door openings <script>alert(1)</script>", coder: "Anna")
        _ = try await fixture.context.needLinks.link(need: "need.safety.night", solution: "motion-sensor",
                                                     rationale: "Silence at night", status: .piloted, coder: "Anna")
        return fixture
    }

    /// R99 has a door sensor of the same linked solution as R01 but never spoke of the need:
    /// their door is not what the need is about.
    @Test func onlyDevicesOfResidentsWhoseWordsEvidenceTheNeedAreCharted() async throws {
        let fixture = try await Self.fixture()
        let participants = fixture.root.appending(path: "corpus/participants.yaml")
        try (try String(contentsOf: participants, encoding: .utf8) + """

              - id: R99
                role: resident
                administrations: [care]
                consents:
                  - {id: c-r99, date: 2025-02-01, scopes: [interview, telemetry]}

            """).write(to: participants, atomically: true, encoding: .utf8)
        let devices = fixture.root.appending(path: "corpus/devices.yaml")
        try (try String(contentsOf: devices, encoding: .utf8) + "\n  - {id: r99-door-back, solution: door-sensor, participant: R99}\n")
            .write(to: devices, atomically: true, encoding: .utf8)
        let summary = try await fixture.context.ingest.ingest()
        #expect(summary.succeeded)
        let readings = fixture.root.appending(path: "r99.csv")
        try "device,time,metric,value,unit\nr99-door-back,2025-08-28T08:00:00Z,open,1,\nr99-door-back,2025-08-29T08:00:00Z,open,1,\n"
            .write(to: readings, atomically: true, encoding: .utf8)
        _ = try await fixture.context.telemetryImport.importFile(readings)
        var query = TelemetrySummaryService.Query()
        query.device = "r99-door-back"
        #expect(try await fixture.context.telemetrySummary.summary(query).rows.count == 2)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/needs/need.safety.night", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("r01-door-front · open"))
                #expect(!html.contains("r99-door-back"))
            }
        }
    }

    /// An activity signal's silences are measured against its device type's threshold, which
    /// fieldwork.yaml sets (issue 13 part 3).
    @Test func inactivityIsShownAgainstTheDeviceTypesThreshold() async throws {
        let fixture = try await Self.fixture()
        func page() async throws -> String {
            try await fixture.app().test(.router) { client in
                let browser = try await Browser.signIn(client, token: fixture.token)
                return try await client.execute(uri: "/needs/need.safety.night", method: .get, headers: browser.headers) { response in
                    String(buffer: response.body)
                }
            }
        }
        let defaults = try await page()
        #expect(defaults.contains("r03-motion-hall · time without activity"))
        #expect(defaults.contains("12 h or more without activity (the threshold for this type of device)"))
        try "telemetry:\n  inactivity_hours:\n    motion-sensor: 1\n".write(to: fixture.root.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
        let configured = try await page()
        #expect(configured.contains("periods of 1 h or more without activity (the threshold for this type of device)"))
        #expect(configured.contains("<table class=\"inactivity\">"))
    }

    @Test func aRejectedSolutionsDevicesAreNotCharted() async throws {
        let fixture = try await WebFixture()
        _ = try await fixture.context.telemetryImport.importFile(fixture.root.appending(path: "corpus/telemetry/pilot-2025-08.csv"))
        _ = try await fixture.context.telemetryImport.importFile(fixture.root.appending(path: "corpus/telemetry/pilot-2025-08.senml.json"))
        // R03 speaks of the need, so only the rejection keeps their motion sensor off the page.
        _ = try await fixture.context.codings.add(document: "int-003", span: 298..<400, code: "need.safety.night", coder: "anna")
        _ = try await fixture.context.needLinks.link(need: "need.safety.night", solution: "motion-sensor",
                                                     rationale: "Too intrusive", status: .rejected, coder: "Anna")
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/needs/need.safety.night", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Too intrusive"))
                #expect(!html.contains("<svg class=\"chart\"") && !html.contains("<p class=\"reading\">"))
            }
        }
    }

    /// A day's mean of 1e300 (a reading a Double holds) trapped the server drawing the chart (an
    /// `Int64` of it); its labels are written in exponent form, as `telemetry summary` writes
    /// them, and so is a mean two decimals show as 0 (found by a new user).
    @Test func hugeAndTinyReadingsAreChartedInExponentForm() async throws {
        let fixture = try await Self.fixture()
        let readings = fixture.root.appending(path: "huge.csv")
        try "device,time,metric,value,unit\nr01-door-front,2025-08-20T08:00:00Z,battery,1e300,%EL\nr01-door-front,2025-08-21T08:00:00Z,battery,0.004,%EL\n"
            .write(to: readings, atomically: true, encoding: .utf8)
        _ = try await fixture.context.telemetryImport.importFile(readings)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/needs/need.safety.night", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                let battery = try #require(html.components(separatedBy: "<figure").first { $0.contains("r01-door-front · battery") })
                #expect(battery.contains("<th scope=\"row\">2025-08-20</th><td>1.0e+300 "), "\(battery)")
                #expect(battery.contains("<th scope=\"row\">2025-08-21</th><td>4.0e-03 "), "\(battery)")
                #expect(battery.contains(">1.0e+300 "), "\(battery)")  // the axis
                for broken in ["0000000000", "\"nan", "nan,", "\"inf", ">inf"] { #expect(!battery.contains(broken), "\(broken)") }
            }
        }
    }

    @Test func theNeedPageShowsEvidenceLinksAndConsentedChartsOnly() async throws {
        let fixture = try await Self.fixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            try await client.execute(uri: "/needs/need.safety.night", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/needs\" aria-current=\"page\">Needs</a>"))
                #expect(html.contains("Night door openings &lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!html.contains("<script>alert"))
                #expect(!html.contains("style="))
                #expect(html.components(separatedBy: "<svg class=\"chart\"").count - 1 == 1)  // motion per day
                // The front door: one mark per opening at night in Stockholm time (01:15 on the
                // nights of 30 August and 2 September), not openings and closings per day.
                let door = try #require(html.components(separatedBy: "<figure").first { $0.contains("r01-door-front · open") })
                #expect(door.contains("<svg class=\"chart timeline\""))
                #expect(door.components(separatedBy: "<circle").count - 1 == 2)
                #expect(door.contains("<th scope=\"row\">2025-08-30</th><td>01:15</td>"))
                #expect(door.contains("<th scope=\"row\">2025-09-02</th><td>01:15</td>"))
                // The door sensor's battery was read on one day: a sentence, not a chart of one point.
                let battery = try #require(html.components(separatedBy: "<p class=\"reading\">").dropFirst().first)
                #expect(battery.contains("battery") && battery.contains("one day only"))
                // Beside each chart its numbers as a table for screen readers, with the unit.
                #expect(html.contains("<table class=\"visually-hidden\"><caption>r03-motion-hall · motion · daily total</caption>"))
                #expect(html.contains("<th scope=\"row\">2025-08-31</th><td>"))
                // A day's movements, not its reports: 3 + 9 + 5 + 1 on 28 August, in four reports.
                #expect(html.contains("<th scope=\"row\">2025-08-28</th><td>18 "))
                // R03 withdrew telemetry consent on 2025-09-01: the motion chart ends the day before.
                let motion = try #require(html.components(separatedBy: "<figure").first { $0.contains("r03-motion-hall · motion") })
                #expect(motion.contains(">2025-08-31</text>"))
                #expect(!motion.contains("2025-09-0"))
                #expect(html.contains("id=\"link-solution\"") && html.contains("<script type=\"module\" src=\"/static/needs.js\"></script>"))
            }
            try await client.execute(uri: "/needs", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<a href=\"/needs/need.safety.night\">"))
                // Solutions by name, not by slug.
                #expect(html.contains("Door sensor on the front door <span class=\"id\">(candidate)</span>"))
            }
            try await client.execute(uri: "/solutions", method: .get, headers: browser.headers) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("id=\"door-sensor\"") && html.contains("<a href=\"/needs/need.safety.night\">"))
            }
            try await client.execute(uri: "/needs/barrier.cost", method: .get, headers: browser.headers) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func linkingFromTheBrowserNeedsCSRFAndValidInput() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let link = try body(["solution": "video-tablet", "rationale": "Contact without BankID", "status": "candidate", "coder": "Bo"])
            try await client.execute(uri: "/api/needs/need.contact_city/links", method: .post, headers: browser.headers, body: link) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/needs/need.contact_city/links", method: .post, headers: browser.writeHeaders, body: link) { response in
                #expect(response.status == .created)
                #expect(jsonObject(response.body)?["linked_by"] as? String == "Bo")
            }
            let bad = try body(["solution": "teleport", "rationale": "x", "coder": "Bo"])
            try await client.execute(uri: "/api/needs/need.contact_city/links", method: .post, headers: browser.writeHeaders, body: bad) { response in
                #expect(response.status == .unprocessableContent && errorCode(response.body) == "invalid")
            }
            try await client.execute(uri: "/api/needs/need.nope/links", method: .post, headers: browser.writeHeaders, body: link) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/needs/need.contact_city", method: .get, headers: browser.headers) { response in
                let links = jsonObject(response.body)?["links"] as? [[String: Any]]
                #expect(links?.first?["solution"] as? String == "video-tablet")
            }
            try await client.execute(uri: "/api/solutions", method: .get, headers: browser.headers) { response in
                let tablet = jsonArray(response.body)?.compactMap { $0 as? [String: Any] }.first { $0["id"] as? String == "video-tablet" }
                #expect(tablet?["needs"] as? [String] == ["need.contact_city"])
                #expect(tablet?["cost_to_resident"] as? String == "none")
            }
            try await client.execute(uri: "/api/needs/need.contact_city/links/video-tablet", method: .delete, headers: browser.headers) { response in
                #expect(response.status == .forbidden)
            }
            // Who removes it is required: the removal is a record in their codings file.
            try await client.execute(uri: "/api/needs/need.contact_city/links/video-tablet", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/needs/need.contact_city/links/video-tablet?coder=Cecilia", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/needs/need.contact_city/links/video-tablet?coder=Cecilia", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/needs/need.contact_city", method: .get, headers: browser.headers) { response in
                #expect((jsonObject(response.body)?["links"] as? [Any])?.isEmpty == true)
            }
        }
    }
}

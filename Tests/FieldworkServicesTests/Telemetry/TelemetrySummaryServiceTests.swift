import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct TelemetrySummaryServiceTests {
    @Test func dailyAndWeeklySummariesMatchHandComputedValues() async throws {
        let workspace = try await TelemetryFixture.workspace()
        _ = try await TelemetryFixture.importFile(workspace, "plug.csv", """
            device,time,metric,value,unit
            r14-plug,2025-09-01T07:00:00Z,power,2000,W
            r14-plug,2025-09-01T07:03:00Z,power,0,W
            r14-plug,2025-09-01T19:00:00Z,power,1000,W
            r14-plug,2025-09-02T07:00:00Z,power,1500,W
            r14-plug,2025-09-08T07:00:00Z,power,10,W
            r14-door,2025-09-01T23:30:00Z,open,1,
            r14-door,2025-09-01T23:31:00Z,open,0,
            r14-door,2025-09-02T12:00:00Z,open,1,
            """)
        var query = TelemetrySummaryService.Query()
        query.device = "r14-plug"
        query.timeZone = TimeZone(identifier: "UTC")!
        query.inactivityHours = 12
        let daily = try await workspace.context.telemetrySummary.summary(query)
        #expect(daily.rows.map(\.start) == ["2025-09-01", "2025-09-02", "2025-09-08"])
        #expect(daily.rows.map(\.count) == [3, 1, 1])
        #expect(daily.rows.map(\.min) == [0, 1500, 10])
        #expect(daily.rows.map(\.max) == [2000, 1500, 10])
        #expect(daily.rows.map(\.mean) == [1000, 1500, 10])
        // Activity at 07:00 and 19:00, the next day at 07:00, then six days later: three gaps of 12 h or more.
        #expect(daily.events.map(\.kind) == [.noActivity, .noActivity, .noActivity])
        #expect(daily.events.last.map { UTCTime.isoTimestamp($0.start) } == "2025-09-02T07:00:00.000Z")
        query.period = .week
        let weekly = try await workspace.context.telemetrySummary.summary(query)
        #expect(weekly.rows.map(\.start) == ["2025-09-01", "2025-09-08"])
        #expect(weekly.rows.first?.mean == 4500.0 / 4)

        var doors = TelemetrySummaryService.Query()
        doors.participant = "R14"
        doors.timeZone = TimeZone(identifier: "Europe/Stockholm")!
        let nights = try await workspace.context.telemetrySummary.summary(doors).events.filter { $0.kind == .doorAtNight }
        // 23:30 UTC is 01:30 in Stockholm (summer time); 12:00 UTC is 14:00.
        #expect(nights.map { UTCTime.isoTimestamp($0.start) } == ["2025-09-01T23:30:00.000Z"])
    }

    @Test func daysInTheStudysTimeZoneCountFromTheReadings() async throws {
        let workspace = try await TelemetryFixture.workspace()
        _ = try await TelemetryFixture.importFile(workspace, "plug.csv", """
            device,time,metric,value,unit
            r14-plug,2025-08-01T12:00:00Z,power,100,W
            r14-plug,2025-08-01T23:30:00Z,power,300,W
            """)
        var query = TelemetrySummaryService.Query()
        query.device = "r14-plug"
        query.events = false
        // By default the days are the study's, Europe/Stockholm: 23:30 UTC is 01:30 on 2 August
        // (summer time, UTC+2).
        let local = try await workspace.context.telemetrySummary.summary(query)
        #expect(local.rows.map(\.start) == ["2025-08-01", "2025-08-02"])
        #expect(local.rows.map(\.mean) == [100, 300])
        #expect(local.timeZone.identifier == "Europe/Stockholm")
        // Asked for UTC: the stored rollups, both readings on 1 August.
        query.timeZone = TimeZone(identifier: "UTC")!
        let utc = try await workspace.context.telemetrySummary.summary(query)
        #expect(utc.rows.map(\.start) == ["2025-08-01"])
        #expect(utc.rows.map(\.count) == [2])
        // fieldwork.yaml sets the study's zone: in New York both are on 1 August (08:00, 19:30).
        try workspace.write("fieldwork.yaml", "telemetry:\n  time_zone: America/New_York\n")
        query.timeZone = nil
        let newYork = try await workspace.context.telemetrySummary.summary(query)
        #expect(newYork.rows.map(\.start) == ["2025-08-01"])
        #expect(newYork.timeZone.identifier == "America/New_York")
    }

    @Test func inactivityIsMeasuredAgainstTheDeviceTypesThreshold() async throws {
        let workspace = try await TelemetryFixture.workspace()
        _ = try await TelemetryFixture.importFile(workspace, "plug.csv", """
            device,time,metric,value,unit
            r14-plug,2025-09-01T07:00:00Z,power,2000,W
            r14-plug,2025-09-01T19:00:00Z,power,1000,W
            r14-plug,2025-09-02T13:00:00Z,power,1500,W
            """)
        var query = TelemetrySummaryService.Query()
        query.device = "r14-plug"
        // A smart plug rests through the night: its default is 16 h, so 12 h is no event, 18 h is.
        let defaults = try await workspace.context.telemetrySummary.summary(query)
        #expect(defaults.inactivityHours["r14-plug"] == 16)
        #expect(defaults.events.filter { $0.kind == .noActivity }.map { UTCTime.isoTimestamp($0.start) } == ["2025-09-01T19:00:00.000Z"])
        // fieldwork.yaml sets the type's threshold.
        try workspace.write("fieldwork.yaml", "telemetry:\n  inactivity_hours:\n    smart-plug: 11\n    default: 30\n")
        let configured = try await workspace.context.telemetrySummary.summary(query)
        #expect(configured.inactivityHours["r14-plug"] == 11)
        #expect(configured.events.filter { $0.kind == .noActivity }.count == 2)
        // One threshold for all (the CLI's --inactivity-hours) wins.
        query.inactivityHours = 20
        #expect(try await workspace.context.telemetrySummary.summary(query).events.filter { $0.kind == .noActivity }.isEmpty)
    }

    /// R16 withdrew on 2025-09-01: 23:30 UTC on 31 August is 01:30 on 1 September in Stockholm,
    /// a day the rows hide, so it makes no event either.
    @Test func eventsWeighConsentOnTheStudysDaysAsTheRowsDo() async throws {
        let workspace = try await TelemetryFixture.workspace()
        _ = try await TelemetryFixture.importFile(workspace, "r16.csv", """
            device,time,metric,value,unit
            r16-plug,2025-08-31T08:00:00Z,power,5,W
            r16-plug,2025-08-31T23:30:00Z,power,7,W
            """)
        var query = TelemetrySummaryService.Query()
        query.device = "r16-plug"
        query.inactivityHours = 1
        let local = try await workspace.context.telemetrySummary.summary(query)
        #expect(local.rows.map(\.start) == ["2025-08-31"] && local.hiddenDays == 1)
        #expect(local.events.isEmpty)
        query.timeZone = TimeZone(identifier: "UTC")!
        let utc = try await workspace.context.telemetrySummary.summary(query)
        #expect(utc.rows.map(\.count) == [2] && utc.events.map(\.kind) == [.noActivity])
    }

    @Test func aBadTelemetrySettingNamesItsLine() async throws {
        let workspace = try await TelemetryFixture.workspace()
        try workspace.write("fieldwork.yaml", "publication:\n  min_count: 5\ntelemetry:\n  time_zone: Europe/Stokholm\n  inactivity_hours: {smart-plug: -3}\n")
        let error = try #require(throws: SourceProblems.self) { try workspace.context.workspace.settings() }
        let text = "\(error)"
        #expect(text.contains("fieldwork.yaml:4"))
        #expect(text.contains("unknown time zone 'Europe/Stokholm'"))
        #expect(text.contains("fieldwork.yaml:5"))
        // A huge number of hours stopped the study report (made whole hours there; found by a new user).
        try workspace.write("fieldwork.yaml", "telemetry:\n  inactivity_hours: {default: 1e300}\n")
        let huge = try #require(throws: SourceProblems.self) { try workspace.context.workspace.settings() }
        #expect("\(huge)".contains("fieldwork.yaml:2") && "\(huge)".contains("at most 8784 (a year)"))
    }

    @Test func aLaterWithdrawalHidesStoredDays() async throws {
        let workspace = try await TelemetryFixture.workspace()
        _ = try await TelemetryFixture.importFile(workspace, "r14.csv", """
            device,time,metric,value,unit
            r14-plug,2025-08-30T07:00:00Z,power,1,W
            r14-plug,2025-09-02T07:00:00Z,power,2,W
            """)
        try workspace.write("corpus/participants.yaml", TelemetryFixture.participants.replacingOccurrences(
            of: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry]}",
            with: "{id: c-r14, date: 2025-02-01, scopes: [interview, quote, telemetry], withdrawn: 2025-09-01}"))
        try await workspace.ingest()
        let result = try await workspace.context.telemetrySummary.summary(TelemetrySummaryService.Query())
        #expect(result.rows.map(\.start) == ["2025-08-30"])
        #expect(result.hiddenDays == 1)
    }
}

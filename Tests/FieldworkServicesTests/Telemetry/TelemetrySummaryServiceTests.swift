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
        // The stored rollups are UTC days: both readings on 1 August.
        let utc = try await workspace.context.telemetrySummary.summary(query)
        #expect(utc.rows.map(\.start) == ["2025-08-01"])
        #expect(utc.rows.map(\.count) == [2])
        // 23:30 UTC is 01:30 on 2 August in Stockholm (summer time, UTC+2).
        query.dayZone = TelemetrySummaryService.studyTimeZone
        let local = try await workspace.context.telemetrySummary.summary(query)
        #expect(local.rows.map(\.start) == ["2025-08-01", "2025-08-02"])
        #expect(local.rows.map(\.mean) == [100, 300])
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

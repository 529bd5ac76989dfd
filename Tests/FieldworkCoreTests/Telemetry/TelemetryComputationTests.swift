import FieldworkCore
import Testing

@Suite struct TelemetryComputationTests {
    @Test func utcTimesParseWithZonesAndFractions() throws {
        func parse(_ text: String) -> Int64? { UTCTime.parse(text) }
        #expect(parse("1970-01-01T00:00:00Z") == 0)
        #expect(parse("2025-09-01T00:00:00Z") == 1_756_684_800_000)
        #expect(parse("2025-09-01T02:00:00.250+02:00") == 1_756_684_800_250)
        #expect(parse("2025-09-01 00:00:00Z") == 1_756_684_800_000)
        for bad in ["2025-09-01T00:00:00", "2025-02-30T00:00:00Z", "2025-09-01T24:00:00Z", "2025-09-01T00:00:00Zx", "2025-9-01T00:00:00Z"] {
            #expect(parse(bad) == nil, "\(bad)")
        }
        #expect(UTCTime.isoTimestamp(1_756_684_800_250) == "2025-09-01T00:00:00.250Z")
        #expect(UTCTime.day(-1) == -1)
        #expect(UTCTime.isoDate(day: UTCTime.weekStart(ofDay: UTCTime.day(isoDate: "2025-09-07")!)) == "2025-09-01")
    }

    @Test func summariesMatchHandComputedValues() {
        let d1 = UTCTime.day(isoDate: "2025-09-01")!  // a Monday
        let rollups = [
            TelemetryDayRollup(device: "p", metric: "power", unit: "W", day: d1, count: 2, min: 0, max: 2000, total: 2000),
            TelemetryDayRollup(device: "p", metric: "power", unit: "W", day: d1 + 1, count: 4, min: 10, max: 1000, total: 1040),
            TelemetryDayRollup(device: "p", metric: "power", unit: "W", day: d1 + 7, count: 1, min: 5, max: 5, total: 5),
        ]
        let days = TelemetrySummary.aggregate(rollups, period: .day)
        #expect(days.map(\.start) == ["2025-09-01", "2025-09-02", "2025-09-08"])
        #expect(days.map(\.mean) == [1000, 260, 5])
        let weeks = TelemetrySummary.aggregate(rollups, period: .week)
        #expect(weeks.count == 2)
        // (2000 + 1040) / 6 readings, not the mean of the daily means (630).
        #expect(weeks[0].start == "2025-09-01" && weeks[0].count == 6 && weeks[0].min == 0 && weeks[0].max == 2000)
        #expect(weeks[0].mean == 3040.0 / 6)
    }

    @Test func doorsAtNightAndInactivityGaps() {
        let base = UTCTime.parse("2025-09-01T00:00:00Z")!
        let hour: Int64 = 3_600_000
        func reading(_ hours: Int64, _ value: Double) -> TelemetryReading {
            TelemetryReading(device: "door", metric: "open", time: base + hours * hour, value: value)
        }
        let readings = [reading(5, 1), reading(6, 1), reading(12, 0), reading(21, 1), reading(22, 1), reading(23, 0), reading(47, 1)]
        let night = TelemetryEvents.doorsAtNight(readings) { Int(($0 - base) / hour % 24) }
        #expect(night.map(\.start) == [base + 5 * hour, base + 22 * hour, base + 47 * hour])
        let gaps = TelemetryEvents.noActivity(readings, hours: 12)
        #expect(gaps == [TelemetryEvent(kind: .noActivity, device: "door", start: base + 6 * hour, end: base + 21 * hour),
                         TelemetryEvent(kind: .noActivity, device: "door", start: base + 22 * hour, end: base + 47 * hour)])
    }

    @Test func consentGateFollowsScopeStartAndWithdrawal() {
        var gate = TelemetryConsentGate(participants: [
            Participant(id: "R03", role: .resident, consents: [
                Consent(id: "a", date: "2025-03-04", scopes: [.interview]),
                Consent(id: "b", date: "2025-03-04", scopes: [.telemetry], withdrawn: "2025-09-01"),
            ]),
            Participant(id: "R04", role: .resident, consents: [Consent(id: "c", date: "2025-03-18", scopes: [.interview])]),
        ])
        let day = { UTCTime.day(isoDate: $0)! }
        #expect(gate.decide(participant: "R03", day: day("2025-08-31")) == .allowed)
        #expect(gate.decide(participant: "R03", day: day("2025-09-01")) == .refused("R03 withdrew telemetry consent on 2025-09-01"))
        #expect(gate.decide(participant: "R03", day: day("2025-03-03")) == .refused("R03 consented to telemetry only from 2025-03-04"))
        #expect(gate.decide(participant: "R04", day: day("2025-08-31")) == .refused("R04 has no consent to telemetry"))
        #expect(gate.decide(participant: "R99", day: day("2025-08-31")) == .refused("R99 is not in participants.yaml"))
    }
}

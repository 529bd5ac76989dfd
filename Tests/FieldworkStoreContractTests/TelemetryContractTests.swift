import FieldworkCore
import Foundation
import Testing

/// Telemetry on every store: an import stores each reading once, all or nothing, with UTC day
/// rollups that come out the same on both stores; readings are read back by device, metric
/// and time range.
@Suite struct TelemetryContractTests {
    static let plug = TelemetryDevice(name: "r01-plug", solutionID: "smart-plug", participantID: "R01")
    static let door = TelemetryDevice(name: "r02-door", solutionID: "door-sensor", participantID: "R02")
    /// 2025-08-28T00:00:00Z in milliseconds (UTC day 20328).
    static let day0: Int64 = 1_756_339_200_000
    static let dayMS: Int64 = 86_400_000

    struct Offer {
        var device: String, metric: String, unit: String?, time: Int64, value: Double?, sum: Double? = nil
    }

    struct Interrupted: Error {}

    /// Imports `offers` through the writer, as the import service does; the store's count of those stored.
    @discardableResult
    static func load(_ store: any FieldworkStore, _ offers: [Offer], source: String = "corpus/telemetry/a.csv",
                     devices: [TelemetryDevice] = [plug, door], thenThrow: Bool = false) async throws -> Int {
        try await store.importTelemetry(source: source, devices: devices) { writer in
            for offer in offers {
                let device = try #require(writer.deviceID(named: offer.device))
                let metric = try writer.metricID(name: offer.metric, unit: offer.unit)
                try writer.insert(device: device, metric: metric, time: offer.time, value: offer.value, sum: offer.sum)
            }
            if thenThrow { throw Interrupted() }
        }.stored
    }

    /// Two devices, two days, a reading without a value, one with a sum, and times before 1970
    /// (whose UTC day is the floor, not the truncation).
    static let sample: [Offer] = [
        Offer(device: "r01-plug", metric: "power", unit: "W", time: day0, value: 2.5),
        Offer(device: "r01-plug", metric: "power", unit: "W", time: day0 + 60_000, value: 4),
        Offer(device: "r01-plug", metric: "power", unit: "W", time: day0 + 120_000, value: nil, sum: 7),
        Offer(device: "r01-plug", metric: "power", unit: "W", time: day0 + dayMS + 5, value: -1.25),
        Offer(device: "r01-plug", metric: "energy", unit: "kWh", time: day0 + 30_000, value: 0.5, sum: 12.5),
        Offer(device: "r02-door", metric: "open", unit: nil, time: day0 + 1000, value: 1),
        Offer(device: "r02-door", metric: "open", unit: nil, time: -1, value: 1),
        Offer(device: "r02-door", metric: "open", unit: nil, time: -dayMS, value: 0),
        Offer(device: "r02-door", metric: "open", unit: nil, time: -dayMS - 1, value: 1),
    ]

    static let sampleDays: [TelemetryDayRollup] = [
        TelemetryDayRollup(device: "r01-plug", metric: "energy", unit: "kWh", day: 20328, count: 1, min: 0.5, max: 0.5, total: 0.5),
        TelemetryDayRollup(device: "r01-plug", metric: "power", unit: "W", day: 20328, count: 2, min: 2.5, max: 4, total: 6.5),
        TelemetryDayRollup(device: "r01-plug", metric: "power", unit: "W", day: 20329, count: 1, min: -1.25, max: -1.25, total: -1.25),
        TelemetryDayRollup(device: "r02-door", metric: "open", unit: nil, day: -2, count: 1, min: 1, max: 1, total: 1),
        TelemetryDayRollup(device: "r02-door", metric: "open", unit: nil, day: -1, count: 2, min: 0, max: 1, total: 1),
        TelemetryDayRollup(device: "r02-door", metric: "open", unit: nil, day: 20328, count: 1, min: 1, max: 1, total: 1),
    ]

    @Test(arguments: StoreKind.available) func anImportStoresReadingsDevicesAndDayRollups(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            #expect(try await Self.load(store, Self.sample) == Self.sample.count)
            let reopened = try await subject.reopen()
            #expect(try await reopened.telemetryReadingCount() == Self.sample.count)
            #expect(try await reopened.telemetryDevices() == [Self.plug, Self.door])
            #expect(try await reopened.telemetryDays(devices: nil) == Self.sampleDays)
            #expect(try await reopened.telemetryDays(devices: ["r02-door"]) == Self.sampleDays.filter { $0.device == "r02-door" })
            #expect(try await reopened.telemetryDays(devices: []).isEmpty)
        }
    }

    /// What ingest remembers of a workspace file: per source, the hash and stamp its latest
    /// finished import was given (a failed one changes nothing; one without a hash is left out),
    /// and a new stamp is recorded on that import alone.
    @Test(arguments: StoreKind.available) func eachSourceKeepsTheFileItsLatestFinishedImportTookIn(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let first = FileStamp(size: 120, modifiedNanoseconds: 1_756_339_200_123_456_789)
            func load(_ source: String, _ file: TelemetryFileState?, thenThrow: Bool = false) async throws {
                _ = try await store.importTelemetry(source: source, file: file, devices: [Self.plug]) { writer in
                    let metric = try writer.metricID(name: "power", unit: "W")
                    try writer.insert(device: try #require(writer.deviceID(named: "r01-plug")), metric: metric,
                                      time: Self.day0, value: 1, sum: nil)
                    if thenThrow { throw Interrupted() }
                }
            }
            try await load("corpus/telemetry/a.csv", TelemetryFileState(contentHash: "h1", stamp: first))
            try await load("corpus/telemetry/a.csv", TelemetryFileState(contentHash: "h2"))
            try await load("corpus/telemetry/b.csv", TelemetryFileState(contentHash: "h3", stamp: first))
            try await load("elsewhere/c.csv", nil)
            await #expect(throws: Interrupted.self) {
                try await load("corpus/telemetry/b.csv", TelemetryFileState(contentHash: "h4"), thenThrow: true)
            }
            #expect(try await store.telemetryImportedFiles() == [
                "corpus/telemetry/a.csv": TelemetryFileState(contentHash: "h2"),
                "corpus/telemetry/b.csv": TelemetryFileState(contentHash: "h3", stamp: first),
            ])
            let touched = FileStamp(size: 120, modifiedNanoseconds: 1_756_425_600_000_000_001)
            try await store.recordTelemetryFileStamps(["corpus/telemetry/a.csv": touched, "corpus/telemetry/never.csv": touched])
            #expect(try await store.telemetryImportedFiles() == [
                "corpus/telemetry/a.csv": TelemetryFileState(contentHash: "h2", stamp: touched),
                "corpus/telemetry/b.csv": TelemetryFileState(contentHash: "h3", stamp: first),
            ])
        }
    }

    @Test(arguments: StoreKind.available) func theSameFileTwiceStoresEachReadingOnce(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            try await Self.load(store, Self.sample)
            #expect(try await Self.load(store, Self.sample, source: "corpus/telemetry/again.csv") == 0)
            #expect(try await store.telemetryReadingCount() == Self.sample.count)
            #expect(try await store.telemetryDays(devices: nil) == Self.sampleDays)
            // Within one import too: the first of two readings at the same time is kept.
            var twice = [Offer(device: "r01-plug", metric: "power", unit: "W", time: Self.day0 + 2 * Self.dayMS, value: 3)]
            twice.append(Offer(device: "r01-plug", metric: "power", unit: "W", time: Self.day0 + 2 * Self.dayMS, value: 9))
            #expect(try await Self.load(store, twice) == 1)
            let third = try await store.telemetryReadings(device: "r01-plug", metrics: ["power"], from: Self.day0 + 2 * Self.dayMS, to: nil)
            #expect(third.map(\.value) == [3])
        }
    }

    @Test(arguments: StoreKind.available) func anImportWhoseBodyThrowsStoresNothing(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { subject, store in
            try await Self.load(store, Self.sample)
            // Overlapping the stored days, a new metric, and more readings than one statement or commit holds.
            var more = (0..<Int64(70_000)).map {
                Offer(device: "r01-plug", metric: "power", unit: "W", time: Self.day0 + 1 + $0 * 1000, value: 5)
            }
            more.append(Offer(device: "r02-door", metric: "battery", unit: "%", time: Self.day0, value: 80))
            await #expect(throws: Interrupted.self) {
                try await Self.load(store, more, source: "corpus/telemetry/broken.csv", thenThrow: true)
            }
            let reopened = try await subject.reopen()
            #expect(try await reopened.telemetryReadingCount() == Self.sample.count)
            #expect(try await reopened.telemetryDays(devices: nil) == Self.sampleDays)
            #expect(try await reopened.telemetryReadings(device: "r02-door", metrics: ["battery"], from: nil, to: nil).isEmpty)
        }
    }

    /// Many readings over several days, sent again within the same import: the rollups add up
    /// across the store's statements or commits (the values sum exactly in binary, so both
    /// stores give the very same totals).
    @Test(arguments: StoreKind.available) func rollupsAddUpAcrossBatches(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            let times = (0..<Int64(60_000)).map { Self.day0 + $0 * 10_000 }
            let offers = (times + times).enumerated().map { index, time in
                Offer(device: "r01-plug", metric: "power", unit: "W", time: time, value: Double(index % 7) + 0.5)
            }
            let stored = try await Self.load(store, offers)
            #expect(stored == times.count)
            var expected: [Int64: TelemetryDayRollup] = [:]
            for (index, time) in times.enumerated() {
                let day = UTCTime.day(time), value = Double(index % 7) + 0.5
                var rollup = expected[day] ?? TelemetryDayRollup(device: "r01-plug", metric: "power", unit: "W", day: day,
                                                                 count: 0, min: .infinity, max: -.infinity, total: 0)
                rollup.count += 1
                rollup.min = min(rollup.min, value)
                rollup.max = max(rollup.max, value)
                rollup.total += value
                expected[day] = rollup
            }
            let days = try await store.telemetryDays(devices: nil)
            #expect(days == expected.values.sorted { $0.day < $1.day })
            #expect(expected.count == 7)
        }
    }

    @Test(arguments: StoreKind.available) func readingsAreFilteredByMetricAndHalfOpenTimeRange(_ kind: StoreKind) async throws {
        try await StoreUnderTest.with(kind) { _, store in
            try await Self.load(store, Self.sample)
            let all = try await store.telemetryReadings(device: "r01-plug", metrics: nil, from: nil, to: nil)
            #expect(all == [
                TelemetryReading(device: "r01-plug", metric: "power", unit: "W", time: Self.day0, value: 2.5),
                TelemetryReading(device: "r01-plug", metric: "energy", unit: "kWh", time: Self.day0 + 30_000, value: 0.5, sum: 12.5),
                TelemetryReading(device: "r01-plug", metric: "power", unit: "W", time: Self.day0 + 60_000, value: 4),
                TelemetryReading(device: "r01-plug", metric: "power", unit: "W", time: Self.day0 + 120_000, value: nil, sum: 7),
                TelemetryReading(device: "r01-plug", metric: "power", unit: "W", time: Self.day0 + Self.dayMS + 5, value: -1.25),
            ])
            let window = try await store.telemetryReadings(device: "r01-plug", metrics: ["power"], from: Self.day0 + 60_000,
                                                           to: Self.day0 + Self.dayMS + 5)
            #expect(window.map(\.time) == [Self.day0 + 60_000, Self.day0 + 120_000])
            #expect(try await store.telemetryReadings(device: "r01-plug", metrics: [], from: nil, to: nil).isEmpty)
            #expect(try await store.telemetryReadings(device: "nobody", metrics: nil, from: nil, to: nil).isEmpty)
            let door = try await store.telemetryReadings(device: "r02-door", metrics: nil, from: nil, to: 0)
            #expect(door.map(\.time) == [-Self.dayMS - 1, -Self.dayMS, -1] && door.allSatisfy { $0.unit == nil })
        }
    }
}

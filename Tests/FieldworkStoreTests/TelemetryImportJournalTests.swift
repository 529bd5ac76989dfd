import FieldworkCore
@testable import FieldworkStore
import Foundation
import GRDB
import Testing

/// A telemetry import commits in short transactions, yet stays all or nothing: an import that
/// fails after several commits is taken back whole, rollups included, and earlier imports keep
/// their readings.
@Suite struct TelemetryImportJournalTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "journal-\(UUID().uuidString)/fieldwork.sqlite").path
    let device = TelemetryDevice(name: "r01-plug", solutionID: "smart-plug", participantID: "R01")
    /// 2025-08-28T00:00:00Z in milliseconds.
    let day0: Int64 = 1_756_339_200_000

    struct Interrupted: Error {}

    private func state(_ database: AppDatabase) async throws -> (readings: Int, days: [[Int64]], running: Int) {
        try await database.writer.read { db in
            let readings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reading") ?? 0
            let days = try Row.fetchAll(db, sql: "SELECT day, count, CAST(total AS INTEGER) FROM reading_day ORDER BY day").map {
                [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64]
            }
            let running = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM telemetry_import WHERE state = 'running'") ?? 0
            return (readings, days, running)
        }
    }

    @Test func aFailureAfterManyCommitsTakesTheWholeImportBack() async throws {
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        // A first import: one reading a minute on day 0 and day 1.
        let first = try await store.importTelemetry(source: "corpus/telemetry/first.csv", devices: [device]) { writer in
            let id = try #require(writer.deviceID(named: "r01-plug"))
            let metric = try writer.metricID(name: "power", unit: "W")
            for minute in stride(from: Int64(0), to: 2 * 1440, by: 60) {
                try writer.insert(device: id, metric: metric, time: day0 + minute * 60_000, value: 2, sum: nil)
            }
        }
        #expect(first.stored == 48)
        let before = try await state(database)
        #expect(before.readings == 48 && before.days.count == 2 && before.running == 0)

        // A second import overlapping day 1, big enough to commit several times, then failing.
        let committed = SQLiteTelemetryWriter.readingsPerCommit * 3 + 17
        await #expect(throws: Interrupted.self) {
            _ = try await store.importTelemetry(source: "corpus/telemetry/second.csv", devices: [device]) { writer in
                let id = try #require(writer.deviceID(named: "r01-plug"))
                let metric = try writer.metricID(name: "power", unit: "W")
                for second in 0..<Int64(committed) {
                    try writer.insert(device: id, metric: metric, time: day0 + 86_400_000 + second * 1000 + 1, value: 5, sum: nil)
                }
                throw Interrupted()
            }
        }
        let after = try await state(database)
        #expect(after.readings == before.readings)
        #expect(after.days == before.days)
        #expect(after.running == 0)
    }

    @Test func anImportLeftRunningByADeadProcessIsTakenBackWhenTheDatabaseOpens() async throws {
        do {
            let database = try AppDatabase.open(path: path)
            // What a killed importer leaves: committed readings of an import still marked running.
            try await database.writer.write { db in
                try db.execute(sql: "INSERT INTO telemetry_device (id, name, solution_id, participant_id) VALUES (1, 'r01-plug', 'smart-plug', 'R01')")
                try db.execute(sql: "INSERT INTO telemetry_metric (id, name, unit) VALUES (1, 'power', 'W')")
                try db.execute(sql: "INSERT INTO telemetry_import (id, source, started_at, state) VALUES (7, 'x.csv', '2026-11-30T06:00:00.000Z', 'running')")
                try db.execute(sql: "INSERT INTO reading (device_id, metric_id, t, value, import_id) VALUES (1, 1, ?, 3, 7), (1, 1, ?, 4, 7)",
                               arguments: [day0, day0 + 1000])
                try db.execute(sql: "INSERT INTO reading_day VALUES (1, 1, ?, 2, 3, 4, 7)", arguments: [day0 / 86_400_000])
            }
            #expect(try await state(database).readings == 2)
        }
        let reopened = try AppDatabase.open(path: path)
        let after = try await state(reopened)
        #expect(after.readings == 0 && after.days.isEmpty && after.running == 0)
    }
}

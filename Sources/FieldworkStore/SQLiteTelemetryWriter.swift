import FieldworkCore
import Foundation
import GRDB

/// The writer of one telemetry import, committing every `readingsPerCommit` readings.
///
/// Speed matters here (10 million readings should import about as fast as `sqlite3 .import`),
/// so a reading is bound into one prepared statement through SQLite's C API, and day rollups
/// are accumulated in memory and written once per commit, not updated row by row. Short
/// transactions keep a running server's coding writes from waiting behind a long import; the
/// `TelemetryImportJournal` makes the whole import all or nothing again.
final class SQLiteTelemetryWriter: TelemetryWriter {
    /// About 50 ms of inserts on this machine: the longest a concurrent write waits.
    static let readingsPerCommit = 20_000

    private struct MetricKey: Hashable { let name, unit: String }
    private struct DayKey: Hashable { let device, metric, day: Int64 }
    private struct Rollup { var count = 0, min = Double.infinity, max = -Double.infinity, total = 0.0 }

    private let db: Database
    private let devices: [String: Int64]
    private let importID: Int64
    private var uncommitted = 0
    /// Readings stored (not already there).
    private(set) var stored = 0
    private var metrics: [MetricKey: Int64] = [:]
    private let insert: RawStatement
    private var rollups: [DayKey: Rollup] = [:]
    // Readings arrive grouped by device, metric and day; folding into `current` until the key
    // changes spares a dictionary lookup per reading.
    private var currentKey: DayKey?
    private var current = Rollup()
    private var transactionStart = ContinuousClock.now

    /// Opens the first transaction: call on a connection outside any transaction.
    init(db: Database, devices: [String: Int64], importID: Int64) throws {
        self.db = db
        self.devices = devices
        self.importID = importID
        for row in try Row.fetchAll(db, sql: "SELECT id, name, unit FROM telemetry_metric") {
            metrics[MetricKey(name: row["name"], unit: row["unit"])] = row["id"]
        }
        insert = RawStatement(try db.makeStatement(
            sql: "INSERT OR IGNORE INTO reading (device_id, metric_id, t, value, sum, import_id) VALUES (?, ?, ?, ?, ?, ?)"), in: db)
        try begin()
    }

    func deviceID(named name: String) -> Int64? { devices[name] }

    func metricID(name: String, unit: String?) throws -> Int64 {
        let key = MetricKey(name: name, unit: unit ?? "")
        if let id = metrics[key] { return id }
        try db.execute(sql: "INSERT INTO telemetry_metric (name, unit) VALUES (?, ?)", arguments: [key.name, key.unit])
        let id = db.lastInsertedRowID
        metrics[key] = id
        return id
    }

    func insert(device: Int64, metric: Int64, time: Int64, value: Double?, sum: Double?) throws {
        uncommitted += 1
        if uncommitted >= Self.readingsPerCommit { try commit(reopen: true) }
        insert.bind(1, device)
        insert.bind(2, metric)
        insert.bind(3, time)
        insert.bind(4, value)
        insert.bind(5, sum)
        insert.bind(6, importID)
        guard try insert.step() > 0 else { return }
        stored += 1
        if let value { fold(DayKey(device: device, metric: metric, day: UTCTime.day(time)), value) }
    }

    private func fold(_ key: DayKey, _ value: Double) {
        if key != currentKey {
            if let currentKey { merge(currentKey, current) }
            currentKey = key
            current = Rollup()
        }
        current.count += 1
        current.min = Swift.min(current.min, value)
        current.max = Swift.max(current.max, value)
        current.total += value
    }

    private func merge(_ key: DayKey, _ rollup: Rollup) {
        var merged = rollups[key] ?? Rollup()
        merged.count += rollup.count
        merged.min = Swift.min(merged.min, rollup.min)
        merged.max = Swift.max(merged.max, rollup.max)
        merged.total += rollup.total
        rollups[key] = merged
    }

    /// Commits the last readings; the import is then complete.
    func finish() throws {
        try commit(reopen: false)
    }

    /// Rolls back the uncommitted readings (the journal takes back the committed ones).
    func abandon() {
        if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
    }

    private func commit(reopen: Bool) throws {
        try writeRollups()
        try db.execute(sql: "COMMIT")
        uncommitted = 0
        guard reopen else { return }
        usleep(Self.pause(after: ContinuousClock.now - transactionStart))
        try begin()
    }

    private func begin() throws {
        try db.execute(sql: "BEGIN IMMEDIATE")
        transactionStart = ContinuousClock.now
    }

    /// How long the lock stays free between two transactions, in microseconds. Other processes'
    /// busy handlers poll every millisecond, but on a loaded machine a waiter wakes late: the
    /// transactions then take longer too, so the gap grows with them (1/32 of the last one, at
    /// least 2 ms, at most 100 ms), costing the import about 3 % at any load.
    static func pause(after transaction: Duration) -> UInt32 {
        UInt32(min(max(transaction.inMicroseconds / 32, 2_000), 100_000))
    }

    /// Adds the readings folded since the last commit to the stored day rollups.
    private func writeRollups() throws {
        if let currentKey { merge(currentKey, current) }
        currentKey = nil
        let upsert = try db.makeStatement(sql: """
            INSERT INTO reading_day (device_id, metric_id, day, count, min_value, max_value, total) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (device_id, metric_id, day) DO UPDATE SET
                count = count + excluded.count, min_value = min(min_value, excluded.min_value),
                max_value = max(max_value, excluded.max_value), total = total + excluded.total
            """)
        for (key, rollup) in rollups {
            try upsert.execute(arguments: [key.device, key.metric, key.day, rollup.count, rollup.min, rollup.max, rollup.total])
        }
        rollups = [:]
    }
}

import FieldworkCore
import Foundation
import PostgresNIO

/// Telemetry on PostgreSQL: the same tables, answers and rollups as the SQLite store's.
///
/// An import is one transaction, not SQLite's many short ones plus a journal: PostgreSQL's
/// readers and other writers do not wait for an open transaction, so all or nothing comes for
/// free (a failed body writes nothing; a dead process's transaction is rolled back by the
/// server), and nothing of an import is visible before it is complete. The transaction does not
/// hold the writer's advisory lock while it stores readings, only an import lock (one import at
/// a time; an erasure waits for it): no other writer touches the telemetry tables, so coding,
/// memo and browser writes go on beside a long import. It takes the writer's lock only at the
/// end, to commit: the import then appears between two writers' transactions, never inside one.
extension PostgresStore {
    /// The advisory-lock key of telemetry imports ("fwimport" in ASCII).
    static let telemetryImportLockKey: Int = 0x6677_696D_706F_7274

    /// Readings sent in one statement: a few megabytes of arrays, bounded whatever the file's size.
    static let readingsPerStatement = 50_000

    public func importTelemetry<Result>(source: String, file: TelemetryFileState?, devices: [TelemetryDevice],
                                        _ body: (any TelemetryWriter) throws -> Result) async throws -> TelemetryImported<Result> {
        // Registered in a transaction of their own, kept if the import fails (as in SQLite).
        let deviceIDs = try await write { connection in try await register(devices, connection) }
        let metrics = try await read { connection in
            var metrics: [PostgresTelemetryBuffer.MetricKey: Int64] = [:]
            for row in try await connection.rows("SELECT id, name, unit FROM telemetry_metric", logger) {
                metrics[.init(name: try row.get("name"), unit: try row.get("unit"))] = try row.get("id")
            }
            return metrics
        }
        let buffer = PostgresTelemetryBuffer(devices: deviceIDs, metrics: metrics)
        let result = try body(buffer)
        let stored = try await writeTakingLocks { connection in
            try await lock(Self.telemetryImportLockKey, connection)
            try await checkDevicesRemain(deviceIDs, connection)
            buffer.resolveNewMetrics(try await storeMetrics(buffer.newMetrics, connection))
            let importID: Int64 = try await connection.row("""
                INSERT INTO telemetry_import (source, started_at, state)
                VALUES (\(source), \(PostgresTimestamp.text(Date())), 'running') RETURNING id
                """, logger)!.get("id")
            var stored = 0
            for start in stride(from: 0, to: buffer.count, by: Self.readingsPerStatement) {
                stored += try await storeReadings(buffer, start..<min(start + Self.readingsPerStatement, buffer.count),
                                                  importID: importID, connection)
            }
            try await connection.run("""
                UPDATE telemetry_import SET state = 'done', finished_at = \(PostgresTimestamp.text(Date())),
                    content_hash = \(file?.contentHash), size = \(file?.stamp?.size),
                    modified_ns = \(file?.stamp?.modifiedNanoseconds) WHERE id = \(importID)
                """, logger)
            try await lock(Self.writeLockKey, connection)
            return stored
        }
        return TelemetryImported(result: result, stored: stored)
    }

    public func telemetryImportedFiles() async throws -> [String: TelemetryFileState] {
        try await read { connection in
            var files: [String: TelemetryFileState] = [:]
            for row in try await connection.rows("""
                SELECT DISTINCT ON (source) source, content_hash, size, modified_ns FROM telemetry_import
                WHERE state = 'done' ORDER BY source, id DESC
                """, logger) {
                let hash: String? = try row.get("content_hash")
                let size: Int64? = try row.get("size"), modified: Int64? = try row.get("modified_ns")
                if let hash {
                    files[try row.get("source")] = TelemetryFileState(
                        contentHash: hash, stamp: FileStamp(size: size, modifiedNanoseconds: modified))
                }
            }
            return files
        }
    }

    public func recordTelemetryFileStamps(_ stamps: [String: FileStamp]) async throws {
        guard !stamps.isEmpty else { return }
        let entries = Array(stamps)
        try await write { connection in
            // Each source's latest finished import, in one statement.
            try await connection.run("""
                UPDATE telemetry_import t SET size = u.size, modified_ns = u.modified_ns
                FROM unnest(\(entries.map(\.key))::text[], \(entries.map(\.value.size))::bigint[],
                            \(entries.map(\.value.modifiedNanoseconds))::bigint[]) AS u(source, size, modified_ns)
                WHERE t.id = (SELECT MAX(id) FROM telemetry_import WHERE state = 'done' AND source = u.source)
                """, logger)
        }
    }

    private func register(_ devices: [TelemetryDevice], _ connection: PostgresConnection) async throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for device in devices {
            ids[device.name] = try await connection.row("""
                INSERT INTO telemetry_device (name, solution_id, participant_id)
                VALUES (\(device.name), \(device.solutionID), \(device.participantID))
                ON CONFLICT (name) DO UPDATE SET solution_id = excluded.solution_id, participant_id = excluded.participant_id
                RETURNING id
                """, logger)?.get("id")
        }
        return ids
    }

    /// An erasure between registering the devices and storing the readings removed a device:
    /// its readings must not come back, so the import stops (and stores nothing).
    private func checkDevicesRemain(_ ids: [String: Int64], _ connection: PostgresConnection) async throws {
        let wanted = Array(Set(ids.values))
        let found: Int = try await connection.row(
            "SELECT count(*) AS n FROM telemetry_device WHERE id = ANY(\(wanted))", logger)!.get("n")
        guard found == wanted.count else {
            throw StoreError.conflict("a device of this import was removed (erased) while the file was read; nothing was imported")
        }
    }

    /// The stored ids of the metrics this import met first, in their order.
    private func storeMetrics(_ metrics: [PostgresTelemetryBuffer.MetricKey], _ connection: PostgresConnection) async throws -> [Int64] {
        var ids: [Int64] = []
        for metric in metrics {
            try await connection.run("""
                INSERT INTO telemetry_metric (name, unit) VALUES (\(metric.name), \(metric.unit)) ON CONFLICT (name, unit) DO NOTHING
                """, logger)
            ids.append(try await connection.row(
                "SELECT id FROM telemetry_metric WHERE name = \(metric.name) AND unit = \(metric.unit)", logger)!.get("id"))
        }
        return ids
    }

    /// Stores the readings `range` of the buffer that are not there yet, in file order (the
    /// first of two with the same device, metric and time wins, as in SQLite), adds them to the
    /// day rollups, and returns how many it stored. Rollups are summed in time order, which is
    /// SQLite's order (file order) for a file sorted by time.
    private func storeReadings(_ buffer: PostgresTelemetryBuffer, _ range: Range<Int>, importID: Int64,
                               _ connection: PostgresConnection) async throws -> Int {
        try await connection.row("""
            WITH offered AS (
                SELECT * FROM unnest(\(buffer.devices(range))::bigint[], \(buffer.metrics(range))::bigint[],
                                     \(buffer.times(range))::bigint[], \(buffer.values(range))::float8[], \(buffer.sums(range))::float8[])
                    WITH ORDINALITY AS o(device_id, metric_id, t, value, sum, n)
            ), stored AS (
                INSERT INTO reading (device_id, metric_id, t, value, sum, import_id)
                SELECT device_id, metric_id, t, value, sum, \(importID)
                FROM offered ORDER BY n
                ON CONFLICT (device_id, metric_id, t) DO NOTHING
                RETURNING device_id, metric_id, t, value
            ), rolled AS (
                INSERT INTO reading_day (device_id, metric_id, day, count, min_value, max_value, total)
                SELECT device_id, metric_id, \(unescaped: Self.daySQL("t")), count(*), min(value), max(value), sum(value ORDER BY t)
                FROM stored WHERE value IS NOT NULL GROUP BY 1, 2, 3
                ON CONFLICT (device_id, metric_id, day) DO UPDATE SET
                    count = reading_day.count + excluded.count,
                    min_value = least(reading_day.min_value, excluded.min_value),
                    max_value = greatest(reading_day.max_value, excluded.max_value),
                    total = reading_day.total + excluded.total
            )
            SELECT count(*) AS stored FROM stored
            """, logger)!.get("stored")
    }

    /// `UTCTime.day` in SQL: the floor of milliseconds over a day, also before 1970 (integer
    /// division truncates towards zero, as in SQLite: the same expression as its journal's).
    static func daySQL(_ column: String) -> String {
        "(CASE WHEN \(column) >= 0 THEN \(column) / 86400000 ELSE -((-\(column) + 86399999) / 86400000) END)"
    }

    public func telemetryDevices() async throws -> [TelemetryDevice] {
        try await read { connection in
            try await connection.rows(
                #"SELECT name, solution_id, participant_id FROM telemetry_device ORDER BY name COLLATE "C""#, logger).map {
                TelemetryDevice(name: try $0.get("name"), solutionID: try $0.get("solution_id"), participantID: try $0.get("participant_id"))
            }
        }
    }

    public func telemetryDays(devices: [String]?) async throws -> [TelemetryDayRollup] {
        try await read { connection in
            try await connection.rows("""
                SELECT d.name AS device, m.name AS metric, m.unit, r.day, r.count, r.min_value, r.max_value, r.total
                FROM reading_day r JOIN telemetry_device d ON d.id = r.device_id JOIN telemetry_metric m ON m.id = r.metric_id
                WHERE \(devices)::text[] IS NULL OR d.name = ANY(\(devices)::text[])
                ORDER BY d.name COLLATE "C", m.name COLLATE "C", m.unit COLLATE "C", r.day
                """, logger).map { row in
                let unit: String = try row.get("unit")
                return TelemetryDayRollup(device: try row.get("device"), metric: try row.get("metric"), unit: unit.isEmpty ? nil : unit,
                                          day: try row.get("day"), count: try row.get("count"), min: try row.get("min_value"),
                                          max: try row.get("max_value"), total: try row.get("total"))
            }
        }
    }

    public func telemetryReadings(device: String, metrics: [String]?, from: Int64?, to: Int64?) async throws -> [TelemetryReading] {
        try await read { connection in
            try await connection.rows("""
                SELECT m.name AS metric, m.unit, r.t, r.value, r.sum FROM reading r JOIN telemetry_metric m ON m.id = r.metric_id
                WHERE r.device_id = (SELECT id FROM telemetry_device WHERE name = \(device))
                    AND (\(metrics)::text[] IS NULL OR m.name = ANY(\(metrics)::text[]))
                    AND (\(from)::bigint IS NULL OR r.t >= \(from)) AND (\(to)::bigint IS NULL OR r.t < \(to))
                ORDER BY r.t, m.name COLLATE "C"
                """, logger).map { row in
                let unit: String = try row.get("unit")
                return TelemetryReading(device: device, metric: try row.get("metric"), unit: unit.isEmpty ? nil : unit,
                                        time: try row.get("t"), value: try row.get("value"), sum: try row.get("sum"))
            }
        }
    }

    public func telemetryReadingCount() async throws -> Int {
        try await read { connection in
            try await connection.row("SELECT count(*) AS n FROM reading", logger)!.get("n")
        }
    }
}

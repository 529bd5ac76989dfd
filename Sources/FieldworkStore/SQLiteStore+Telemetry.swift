import FieldworkCore
import GRDB

extension SQLiteStore {
    public func importTelemetry<Result>(source: String, file: TelemetryFileState?, devices: [TelemetryDevice],
                                        _ body: (any TelemetryWriter) throws -> Result) async throws -> TelemetryImported<Result> {
        try importSynchronously(source: source, file: file, devices: devices, body)
    }

    public func telemetryImportedFiles() async throws -> [String: TelemetryFileState] {
        try await writer.read { db in
            let rows = try Row.decodeAll(db, sql: """
                SELECT source, content_hash, size, modified_ns FROM telemetry_import
                WHERE id IN (SELECT MAX(id) FROM telemetry_import WHERE state = 'done' GROUP BY source)
                    AND content_hash IS NOT NULL
                """) { row -> (String, TelemetryFileState) in
                let size: Int64? = row["size"], modified: Int64? = row["modified_ns"]
                return (row["source"], TelemetryFileState(contentHash: row["content_hash"],
                                                          stamp: FileStamp(size: size, modifiedNanoseconds: modified)))
            }
            return Dictionary(rows, uniquingKeysWith: { first, _ in first })
        }
    }

    public func recordTelemetryFileStamps(_ stamps: [String: FileStamp]) async throws {
        guard !stamps.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: """
                UPDATE telemetry_import SET size = ?, modified_ns = ?
                WHERE id = (SELECT MAX(id) FROM telemetry_import WHERE state = 'done' AND source = ?)
                """)
            for (source, stamp) in stamps {
                try statement.execute(arguments: [stamp.size, stamp.modifiedNanoseconds, source])
            }
        }
    }

    /// The import on GRDB's synchronous API: the body writes as it reads, in short transactions
    /// (see `SQLiteTelemetryWriter`), so nothing is buffered.
    private func importSynchronously<Result>(source: String, file: TelemetryFileState?, devices: [TelemetryDevice],
                                             _ body: (any TelemetryWriter) throws -> Result) throws -> TelemetryImported<Result> {
        let journal = TelemetryImportJournal(writer: writer)
        return try journal.exclusively {
            let ids = try writer.write { db in try Self.register(devices, db) }
            let importID = try journal.start(source: source)
            do {
                let result = try writer.writeWithoutTransaction { db in
                    let telemetry = try SQLiteTelemetryWriter(db: db, devices: ids, importID: importID)
                    do {
                        let result = try body(telemetry)
                        try telemetry.finish()
                        return TelemetryImported(result: result, stored: telemetry.stored)
                    } catch {
                        telemetry.abandon()
                        throw error
                    }
                }
                try journal.finish(importID, file: file)
                return result
            } catch {
                try journal.takeBack(importID)
                throw error
            }
        }
    }

    private static func register(_ devices: [TelemetryDevice], _ db: Database) throws -> [String: Int64] {
        var ids: [String: Int64] = [:]
        for device in devices {
            try db.execute(sql: """
                INSERT INTO telemetry_device (name, solution_id, participant_id) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET solution_id = excluded.solution_id, participant_id = excluded.participant_id
                """, arguments: [device.name, device.solutionID, device.participantID])
            ids[device.name] = try Int64.fetchOne(db, sql: "SELECT id FROM telemetry_device WHERE name = ?", arguments: [device.name])
        }
        return ids
    }

    public func telemetryDevices() async throws -> [TelemetryDevice] {
        try await writer.read { db in
            try Row.decodeAll(db, sql: "SELECT name, solution_id, participant_id FROM telemetry_device ORDER BY name") {
                TelemetryDevice(name: $0["name"], solutionID: $0["solution_id"], participantID: $0["participant_id"])
            }
        }
    }

    public func telemetryDays(devices: [String]?) async throws -> [TelemetryDayRollup] {
        try await writer.read { db in
            var sql = """
                SELECT d.name AS device, m.name AS metric, m.unit, r.day, r.count, r.min_value, r.max_value, r.total
                FROM reading_day r JOIN telemetry_device d ON d.id = r.device_id JOIN telemetry_metric m ON m.id = r.metric_id
                """
            var arguments = StatementArguments()
            if let devices {
                sql += " WHERE d.name IN (\(databaseQuestionMarks(count: devices.count)))"
                arguments = StatementArguments(devices)
            }
            return try Row.decodeAll(db, sql: sql + " ORDER BY d.name, m.name, m.unit, r.day", arguments: arguments) { row in
                let unit: String = row["unit"]
                return TelemetryDayRollup(device: row["device"], metric: row["metric"], unit: unit.isEmpty ? nil : unit,
                                          day: row["day"], count: row["count"], min: row["min_value"], max: row["max_value"],
                                          total: row["total"])
            }
        }
    }

    public func telemetryReadings(device: String, metrics: [String]?, from: Int64?, to: Int64?) async throws -> [TelemetryReading] {
        try await writer.read { db in
            var sql = """
                SELECT m.name AS metric, m.unit, r.t, r.value, r.sum FROM reading r JOIN telemetry_metric m ON m.id = r.metric_id
                WHERE r.device_id = (SELECT id FROM telemetry_device WHERE name = ?)
                """
            var arguments: StatementArguments = [device]
            if let metrics {
                sql += " AND m.name IN (\(databaseQuestionMarks(count: metrics.count)))"
                arguments += StatementArguments(metrics)
            }
            if let from {
                sql += " AND r.t >= ?"
                arguments += [from]
            }
            if let to {
                sql += " AND r.t < ?"
                arguments += [to]
            }
            return try Row.decodeAll(db, sql: sql + " ORDER BY r.t, m.name", arguments: arguments) { row in
                let unit: String = row["unit"]
                return TelemetryReading(device: device, metric: row["metric"], unit: unit.isEmpty ? nil : unit,
                                        time: row["t"], value: row["value"], sum: row["sum"])
            }
        }
    }

    public func telemetryReadingCount() async throws -> Int {
        try await writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM reading") ?? 0 }
    }
}

import FieldworkCore
import Foundation
import GRDB

/// Makes a telemetry import that commits in many short transactions all or nothing after all.
///
/// Every reading an import stores carries its `import_id`; the import is `running` until its
/// last reading is committed. An import that throws is taken back at once; one whose process
/// died is taken back by the next process that opens the database and finds no one holding the
/// import lock (an advisory `flock` on a file beside the database, released by the kernel when
/// its holder dies). Only one import runs at a time per database.
struct TelemetryImportJournal {
    let writer: any DatabaseWriter

    /// The lock file beside an on-disk database; nil for an in-memory one (one process only).
    private var lockPath: String? {
        let path = writer.path
        return path.isEmpty || path.hasPrefix(":memory:") || path.contains("mode=memory") ? nil : path + "-telemetry-import.lock"
    }

    /// Waits for any other import of this database to finish, then holds the lock until `body`
    /// returns. Imports left behind by dead processes are taken back first.
    func exclusively<Result>(_ body: () throws -> Result) throws -> Result {
        let lock = try lockPath.flatMap { try ImportLock(path: $0, blocking: true) }
        defer { lock?.release() }
        try takeBackInterrupted()
        return try body()
    }

    /// Called when the database is opened: cheap when nothing was interrupted (one tiny query).
    func recoverIfUnattended() throws {
        let running = try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM telemetry_import WHERE state = 'running'") ?? 0
        }
        // In memory, no other process can have started an import of this database.
        guard running > 0, let lockPath else { return }
        // Someone else holds the lock: their import is alive, not interrupted.
        guard let lock = try ImportLock(path: lockPath, blocking: false) else { return }
        defer { lock.release() }
        try takeBackInterrupted()
    }

    func start(source: String) throws -> Int64 {
        try writer.write { db in
            try db.execute(sql: "INSERT INTO telemetry_import (source, started_at, state) VALUES (?, ?, 'running')",
                           arguments: [source, Timestamp.text(Date())])
            return db.lastInsertedRowID
        }
    }

    func finish(_ id: Int64, file: TelemetryFileState?) throws {
        try writer.write { db in
            try db.execute(sql: """
                UPDATE telemetry_import SET state = 'done', finished_at = ?, content_hash = ?, size = ?, modified_ns = ? WHERE id = ?
                """, arguments: [Timestamp.text(Date()), file?.contentHash, file?.stamp?.size, file?.stamp?.modifiedNanoseconds, id])
        }
    }

    /// Removes every reading of the import and recomputes the day rollups it touched.
    func takeBack(_ id: Int64) throws {
        try writer.write { db in
            try db.execute(sql: """
                CREATE TEMP TABLE IF NOT EXISTS touched_day (device_id INTEGER, metric_id INTEGER, day INTEGER,
                    PRIMARY KEY (device_id, metric_id, day));
                DELETE FROM touched_day;
                """)
            try db.execute(sql: """
                INSERT OR IGNORE INTO touched_day SELECT device_id, metric_id, \(Self.daySQL("t")) FROM reading
                WHERE import_id = ? AND value IS NOT NULL
                """, arguments: [id])
            try db.execute(sql: "DELETE FROM reading WHERE import_id = ?", arguments: [id])
            try db.execute(sql: """
                DELETE FROM reading_day WHERE (device_id, metric_id, day) IN (SELECT device_id, metric_id, day FROM touched_day);
                INSERT INTO reading_day (device_id, metric_id, day, count, min_value, max_value, total)
                    SELECT r.device_id, r.metric_id, \(Self.daySQL("r.t")) AS day, COUNT(*), MIN(r.value), MAX(r.value), SUM(r.value)
                    FROM touched_day d JOIN reading r ON r.device_id = d.device_id AND r.metric_id = d.metric_id
                        AND r.t >= d.day * 86400000 AND r.t < (d.day + 1) * 86400000
                    WHERE r.value IS NOT NULL
                    GROUP BY r.device_id, r.metric_id, day;
                DELETE FROM touched_day;
                """)
            try db.execute(sql: "DELETE FROM telemetry_import WHERE id = ?", arguments: [id])
        }
    }

    private func takeBackInterrupted() throws {
        let ids = try writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM telemetry_import WHERE state = 'running'")
        }
        for id in ids { try takeBack(id) }
    }

    /// `UTCTime.day` in SQL: the floor of milliseconds over a day, also before 1970.
    private static func daySQL(_ column: String) -> String {
        "(CASE WHEN \(column) >= 0 THEN \(column) / 86400000 ELSE -((-\(column) + 86399999) / 86400000) END)"
    }
}

/// An advisory whole-file lock (`flock`), released explicitly or when the process dies.
final class ImportLock {
    private var descriptor: Int32

    /// nil when `blocking` is false and another process holds the lock.
    init?(path: String, blocking: Bool) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        while flock(descriptor, LOCK_EX | (blocking ? 0 : LOCK_NB)) != 0 {
            let failure = errno
            if failure == EINTR { continue }
            close(descriptor)
            if failure == EWOULDBLOCK { return nil }
            throw CocoaError(.fileLocking, userInfo: [NSFilePathErrorKey: path])
        }
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

import GRDB

extension AppDatabase {
    /// Telemetry, sized for pilots of tens of millions of readings: a reading is two small
    /// integers, an integer time and a REAL, clustered by (device, metric, time) so that a
    /// device's time range is one contiguous B-tree range. Devices are stored by pseudonym only.
    /// No foreign keys on `reading`: checking them would cost a lookup per row, and devices
    /// and metrics are never deleted.
    static func createTelemetry(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE telemetry_device (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                solution_id TEXT NOT NULL,
                participant_id TEXT NOT NULL
            );
            CREATE TABLE telemetry_metric (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                unit TEXT NOT NULL DEFAULT '',
                UNIQUE (name, unit)
            );
            CREATE TABLE reading (
                device_id INTEGER NOT NULL,
                metric_id INTEGER NOT NULL,
                t INTEGER NOT NULL,
                value REAL,
                sum REAL,
                PRIMARY KEY (device_id, metric_id, t)
            ) WITHOUT ROWID;
            CREATE TABLE reading_day (
                device_id INTEGER NOT NULL,
                metric_id INTEGER NOT NULL,
                day INTEGER NOT NULL,
                count INTEGER NOT NULL,
                min_value REAL NOT NULL,
                max_value REAL NOT NULL,
                total REAL NOT NULL,
                PRIMARY KEY (device_id, metric_id, day)
            ) WITHOUT ROWID;
            """)
    }

    /// A telemetry import commits in short transactions so that it never holds the write lock
    /// for long (a running server must be able to store codings meanwhile). Each reading
    /// remembers the import that stored it, so that a failed or interrupted import can be
    /// taken back whole: `state` is `running` until the last reading is committed.
    static func trackTelemetryImports(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE telemetry_import (
                id INTEGER PRIMARY KEY,
                source TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                state TEXT NOT NULL CHECK (state IN ('running', 'done'))
            );
            ALTER TABLE reading ADD COLUMN import_id INTEGER;
            """)
    }

    /// The content hash of the file an import read (NULL for imports before it was kept):
    /// ingest takes in the workspace's telemetry files and skips one whose latest finished import
    /// had the same content. Kept on the import, not in `source_file`, which lists documents and
    /// the files they come from: a telemetry file is no document, and is not missing when gone.
    static func rememberTelemetryFiles(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE telemetry_import ADD COLUMN content_hash TEXT")
    }

    /// The size and modification time of the file an import read, when it was hashed (NULL:
    /// not recorded): ingest skips a telemetry file whose stamp is unchanged without reading it,
    /// as v23 lets it skip corpus files.
    static func stampTelemetryFiles(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE telemetry_import ADD COLUMN size INTEGER;
            ALTER TABLE telemetry_import ADD COLUMN modified_ns INTEGER;
            """)
    }

    static func createNeedLinks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE need_link (
                need_id TEXT NOT NULL,
                solution_id TEXT NOT NULL,
                rationale TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('candidate', 'piloted', 'rejected')),
                linked_by TEXT NOT NULL,
                linked_at TEXT NOT NULL,
                PRIMARY KEY (need_id, solution_id)
            );
            """)
    }
}

import GRDB

extension AppDatabase {
    /// v11: `coding_event`, each coding's history (see `CodingEvent`). Append-only: triggers
    /// refuse to change or delete an event, so no later code path can rewrite the past.
    static func createCodingHistory(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE coding_event (
                id INTEGER PRIMARY KEY,
                coding_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                at TEXT NOT NULL,
                by TEXT NOT NULL,
                old_code TEXT,
                new_code TEXT NOT NULL,
                memo_changed INTEGER NOT NULL DEFAULT 0,
                old_start INTEGER,
                old_end INTEGER,
                new_start INTEGER NOT NULL,
                new_end INTEGER NOT NULL,
                method TEXT,
                source TEXT,
                version INTEGER NOT NULL
            );
            CREATE INDEX coding_event_coding ON coding_event(coding_id, id);
            CREATE TRIGGER coding_event_no_update BEFORE UPDATE ON coding_event
            BEGIN SELECT RAISE(ABORT, 'coding history is append-only'); END;
            CREATE TRIGGER coding_event_no_delete BEFORE DELETE ON coding_event
            BEGIN SELECT RAISE(ABORT, 'coding history is append-only'); END;
            """)
        // What is known of the codings already stored: when and by whom each was made and
        // removed. Their changes in between were not recorded; `source` says so.
        try db.execute(sql: """
            INSERT INTO coding_event (coding_id, kind, at, by, new_code, new_start, new_end, source, version)
            SELECT id, 'created', created_at, coder, code_id, start, "end", 'migration', version
            FROM coding ORDER BY created_at, id
            """)
        try db.execute(sql: """
            INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, new_start, new_end, source, version)
            SELECT id, 'removed', removed_at, coalesce(removed_by, 'unknown'), code_id, code_id, start, "end", 'migration', version
            FROM coding WHERE removed_at IS NOT NULL ORDER BY removed_at, id
            """)
    }
}

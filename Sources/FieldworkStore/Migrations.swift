import GRDB

extension AppDatabase {
    /// The schema's history. Migrations are append-only: a released migration is never edited,
    /// and `eraseDatabaseOnSchemaChange` is never used (it would wipe research data).
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: createFoundationSchema)
        migrator.registerMigration("v2-memos", migrate: createMemos)
        migrator.registerMigration("v3-telemetry", migrate: createTelemetry)
        migrator.registerMigration("v4-need-links", migrate: createNeedLinks)
        migrator.registerMigration("v5-explicit-fts", migrate: dropSegmentFTSTriggers)
        migrator.registerMigration("v6-segment-text-once", migrate: storeSegmentTextsOnce)
        migrator.registerMigration("v7-source-file-by-document") { db in
            // Ingest looks a file up by the document it provides, once per document: without
            // this index each lookup read the whole table (quadratic in the corpus).
            try db.execute(sql: "CREATE INDEX source_file_document ON source_file(document_id)")
        }
        migrator.registerMigration("v8-fts-merge-less-often") { db in
            // FTS5 merges its index segments once 8 of a size pile up instead of 4: less merge
            // work during a bulk ingest (measured on 1,000 transcripts: 4.4 → 3.7 s wall,
            // 5.1 → 4.7 s CPU), while a search still reads only a few segments per level.
            try db.execute(sql: "INSERT INTO segment_fts(segment_fts, rank) VALUES ('automerge', 8)")
        }
        migrator.registerMigration("v9-coding-updated-by") { db in
            // Who last changed a coding's code, memo or place (NULL: never changed by a person;
            // re-anchoring during ingest is no one's edit).
            try db.execute(sql: "ALTER TABLE coding ADD COLUMN updated_by TEXT")
        }
        migrator.registerMigration("v10-ledger-seen") { db in
            // Per coding and memo: the version the ledger files (codings/*.jsonl) hold and the
            // person's change time they hold it for (see `LedgerStore`).
            try db.execute(sql: """
                CREATE TABLE ledger_seen (id TEXT PRIMARY KEY, version INTEGER NOT NULL, changed_at TEXT NOT NULL) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v11-coding-history", migrate: createCodingHistory)
        migrator.registerMigration("v12-telemetry-imports", migrate: trackTelemetryImports)
        migrator.registerMigration("v13-segment-times") { db in
            // Seconds into the recording from a time at a segment's start ([00:12:34]); NULL
            // when none is written. Filled by the next ingest (the parser version changed).
            try db.execute(sql: "ALTER TABLE segment ADD COLUMN time_start REAL")
            try db.execute(sql: "ALTER TABLE segment ADD COLUMN time_end REAL")
        }
        migrator.registerMigration("v14-audit-head", migrate: createAuditHead)
        migrator.registerMigration("v15-consent-receipt") { db in
            // The rest of a consent receipt (notice, device types, administrations, retention,
            // events) as JSON; NULL for consents stored before. The register is read again by
            // the next ingest (its file state is forgotten) so that receipts fill in.
            try db.execute(sql: "ALTER TABLE consent ADD COLUMN receipt TEXT")
            try db.execute(sql: "DELETE FROM source_file WHERE path LIKE '%participants.yaml'")
        }
        migrator.registerMigration("v16-code-translations") { db in
            // A code's name, description and examples per language (JSON: language → texts).
            try db.execute(sql: "ALTER TABLE code ADD COLUMN translations TEXT NOT NULL DEFAULT '{}'")
        }
        migrator.registerMigration("v17-document-media") { db in
            // The recording a transcript names in its front matter (`media:`), relative to the
            // workspace; NULL when none. Filled by the next ingest (the parser version changed).
            try db.execute(sql: "ALTER TABLE document ADD COLUMN media TEXT")
        }
        migrator.registerMigration("v18-code-questions") { db in
            // A code's workshop questions (`questions:`, JSON list; per language in translations).
            // The codebook is read again by the next ingest (its file state is forgotten).
            try db.execute(sql: "ALTER TABLE code ADD COLUMN questions TEXT NOT NULL DEFAULT '[]'")
            try db.execute(sql: "DELETE FROM source_file WHERE path LIKE 'codebooks/%'")
        }
        migrator.registerMigration("v19-accounts", migrate: createAccounts)
        migrator.registerMigration("v20-codebook-revision") { db in
            // A counter raised by the database on every change to the codes (triggers), so a
            // document open reads the codebook only when it changed since the copy it holds.
            try db.execute(sql: """
                CREATE TABLE codebook_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
                INSERT INTO codebook_revision (id, revision) VALUES (1, 1);
                CREATE TRIGGER code_inserted AFTER INSERT ON code BEGIN UPDATE codebook_revision SET revision = revision + 1; END;
                CREATE TRIGGER code_updated AFTER UPDATE ON code BEGIN UPDATE codebook_revision SET revision = revision + 1; END;
                CREATE TRIGGER code_deleted AFTER DELETE ON code BEGIN UPDATE codebook_revision SET revision = revision + 1; END;
                """)
        }
        migrator.registerMigration("v21-document-listing-index") { db in
            // The documents list (count, order, page, languages) from a covering index: each row
            // of `document` carries the start of its plain text, so scanning the table to count
            // or sort 10,000 documents read a page per document (tens of milliseconds a listing).
            try db.execute(sql: "CREATE INDEX document_listing ON document(date, id, type, language, title, administrations)")
        }
        migrator.registerMigration("v22-annotation-and-register-revisions") { db in
            // A counter per document raised by the database on every change to its codings or
            // its memos (triggers), so a document open reads and decodes them only when they
            // changed since the copy a server holds, whichever path or process changed them.
            // It never goes down (no row is deleted): an equal number means nothing changed.
            // The same for the participant register (its entries and their consents), as one counter.
            try db.execute(sql: """
                CREATE TABLE register_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
                INSERT INTO register_revision (id, revision) VALUES (1, 1);
                CREATE TRIGGER participant_inserted AFTER INSERT ON participant BEGIN UPDATE register_revision SET revision = revision + 1; END;
                CREATE TRIGGER participant_updated AFTER UPDATE ON participant BEGIN UPDATE register_revision SET revision = revision + 1; END;
                CREATE TRIGGER participant_deleted AFTER DELETE ON participant BEGIN UPDATE register_revision SET revision = revision + 1; END;
                CREATE TRIGGER consent_inserted AFTER INSERT ON consent BEGIN UPDATE register_revision SET revision = revision + 1; END;
                CREATE TRIGGER consent_updated AFTER UPDATE ON consent BEGIN UPDATE register_revision SET revision = revision + 1; END;
                CREATE TRIGGER consent_deleted AFTER DELETE ON consent BEGIN UPDATE register_revision SET revision = revision + 1; END;
                CREATE TABLE document_annotation_revision (document_id TEXT PRIMARY KEY, revision INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TRIGGER coding_inserted_revision AFTER INSERT ON coding BEGIN
                    INSERT INTO document_annotation_revision VALUES (NEW.document_id, 1)
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1; END;
                CREATE TRIGGER coding_updated_revision AFTER UPDATE ON coding BEGIN
                    INSERT INTO document_annotation_revision VALUES (OLD.document_id, 1)
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1;
                    INSERT INTO document_annotation_revision SELECT NEW.document_id, 1 WHERE NEW.document_id <> OLD.document_id
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1; END;
                CREATE TRIGGER coding_deleted_revision AFTER DELETE ON coding BEGIN
                    INSERT INTO document_annotation_revision VALUES (OLD.document_id, 1)
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1; END;
                CREATE TRIGGER memo_inserted_revision AFTER INSERT ON memo WHEN NEW.target = 'document' BEGIN
                    INSERT INTO document_annotation_revision VALUES (NEW.target_id, 1)
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1; END;
                CREATE TRIGGER memo_updated_revision AFTER UPDATE ON memo WHEN NEW.target = 'document' OR OLD.target = 'document' BEGIN
                    INSERT INTO document_annotation_revision SELECT OLD.target_id, 1 WHERE OLD.target = 'document'
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1;
                    INSERT INTO document_annotation_revision SELECT NEW.target_id, 1 WHERE NEW.target = 'document'
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1; END;
                CREATE TRIGGER memo_deleted_revision AFTER DELETE ON memo WHEN OLD.target = 'document' BEGIN
                    INSERT INTO document_annotation_revision VALUES (OLD.target_id, 1)
                    ON CONFLICT (document_id) DO UPDATE SET revision = revision + 1; END;
                """)
        }
        migrator.registerMigration("v23-source-file-size-and-mtime") { db in
            // Re-ingest skips reading a file whose size and modification time are those recorded
            // when its hash was taken (NULL until then: the file is read and hashed once more).
            try db.execute(sql: """
                ALTER TABLE source_file ADD COLUMN size INTEGER;
                ALTER TABLE source_file ADD COLUMN modified_ns INTEGER;
                """)
        }
        migrator.registerMigration("v24-need-link-removal") { db in
            // A removed link is kept, marked, so that its removal travels in the ledger files
            // (see `NeedsStore`); NULL: in force.
            try db.execute(sql: """
                ALTER TABLE need_link ADD COLUMN removed_at TEXT;
                ALTER TABLE need_link ADD COLUMN removed_by TEXT;
                """)
        }
        migrator.registerMigration("v25-telemetry-import-hash", migrate: rememberTelemetryFiles)
        migrator.registerMigration("v26-telemetry-import-file-stamp", migrate: stampTelemetryFiles)
        return migrator
    }

    private static func createFoundationSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE source_file (
                path TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                document_id TEXT,
                parser_version INTEGER NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE TABLE document (
                id TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                type TEXT NOT NULL,
                title TEXT NOT NULL,
                date TEXT,
                language TEXT,
                interviewer TEXT,
                administrations TEXT NOT NULL DEFAULT '[]',
                plain_text TEXT NOT NULL,
                revision INTEGER NOT NULL DEFAULT 1,
                ingested_at TEXT NOT NULL
            );
            CREATE TABLE participant (
                id TEXT PRIMARY KEY,
                role TEXT NOT NULL,
                administrations TEXT NOT NULL DEFAULT '[]',
                attributes TEXT NOT NULL DEFAULT '{}'
            );
            CREATE TABLE consent (
                id TEXT PRIMARY KEY,
                participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
                date TEXT NOT NULL,
                scopes TEXT NOT NULL,
                withdrawn TEXT
            );
            CREATE INDEX consent_participant ON consent(participant_id);
            -- Participants are referenced by pseudonym, not by foreign key: a document may be
            -- ingested before participants.yaml is fixed, and validation happens at ingest.
            CREATE TABLE document_participant (
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                participant_id TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (document_id, participant_id)
            );
            CREATE INDEX document_participant_participant ON document_participant(participant_id);
            CREATE TABLE segment (
                id INTEGER PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                kind TEXT NOT NULL,
                speaker TEXT,
                heading_path TEXT NOT NULL DEFAULT '[]',
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                line_start INTEGER NOT NULL,
                line_end INTEGER NOT NULL,
                text TEXT NOT NULL,
                UNIQUE (document_id, idx)
            );
            CREATE VIRTUAL TABLE segment_fts USING fts5(
                text, content='segment', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2'
            );
            CREATE TRIGGER segment_fts_insert AFTER INSERT ON segment BEGIN
                INSERT INTO segment_fts(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE TRIGGER segment_fts_delete AFTER DELETE ON segment BEGIN
                INSERT INTO segment_fts(segment_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            CREATE TABLE code (
                id TEXT PRIMARY KEY,
                parent_id TEXT,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                description TEXT,
                include TEXT,
                exclude TEXT,
                examples TEXT NOT NULL DEFAULT '[]',
                color TEXT,
                formerly TEXT NOT NULL DEFAULT '[]',
                source_file TEXT,
                source_line INTEGER
            );
            -- Codings refer to codes by id without a foreign key: the codebook is replaced as a
            -- whole from YAML, and the store refuses a replacement that would strand codings.
            -- Removed codings keep their row (removed_at, removed_by): nothing is lost silently.
            CREATE TABLE coding (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
                code_id TEXT NOT NULL,
                coder TEXT NOT NULL,
                memo TEXT,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                quote TEXT NOT NULL,
                prefix TEXT NOT NULL,
                suffix TEXT NOT NULL,
                status TEXT NOT NULL,
                anchor_method TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                removed_at TEXT,
                removed_by TEXT,
                CHECK (start >= 0 AND "end" > start),
                CHECK (status IN ('anchored', 'orphaned'))
            );
            CREATE INDEX coding_document ON coding(document_id, start);
            CREATE INDEX coding_code ON coding(code_id);
            """)
    }

    private static func createMemos(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE memo (
                id TEXT PRIMARY KEY,
                target TEXT NOT NULL CHECK (target IN ('project', 'document', 'code')),
                target_id TEXT NOT NULL,
                author TEXT NOT NULL,
                text TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                removed_at TEXT,
                removed_by TEXT
            );
            CREATE INDEX memo_target ON memo(target, target_id);
            """)
    }

    /// Ingest maintains the full-text index itself, one statement per document (as a bulk
    /// load would), instead of a trigger program per segment row: see
    /// `SQLiteStore.applyDocuments`. Segments are only ever deleted there.
    private static func dropSegmentFTSTriggers(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER segment_fts_insert;
            DROP TRIGGER segment_fts_delete;
            """)
    }
}

/// The SQL of each migration (see `PostgresMigrations`). The tables mirror the SQLite store's
/// current schema, so that a study copies between the two column for column; lists and maps
/// are `jsonb`, times ISO 8601 text (see `PostgresTimestamp`), and offsets count Unicode
/// scalars, which is what PostgreSQL's `substr` and `length` count in a UTF8 database.
enum PostgresSchema {
    /// Full-text search: Swedish and English stemming after `unaccent` (so `hemtjanst` finds
    /// `hemtjänst`; the rule that a word typed with å, ä or ö must match them is applied to the
    /// results, as in the SQLite store), and a configuration without stemming for documents in
    /// other languages.
    static let textSearch = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TEXT SEARCH CONFIGURATION fieldwork_sv (COPY = swedish);
        ALTER TEXT SEARCH CONFIGURATION fieldwork_sv ALTER MAPPING FOR word, hword, hword_part WITH unaccent, swedish_stem;
        CREATE TEXT SEARCH CONFIGURATION fieldwork_en (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION fieldwork_en ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;
        CREATE TEXT SEARCH CONFIGURATION fieldwork_simple (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION fieldwork_simple ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;
        """

    static let foundation = """
        CREATE TABLE source_file (
            path text PRIMARY KEY,
            content_hash text NOT NULL,
            document_id text,
            parser_version bigint NOT NULL,
            ingested_at text NOT NULL
        );
        CREATE INDEX source_file_document ON source_file(document_id);
        CREATE TABLE document (
            id text PRIMARY KEY,
            path text NOT NULL,
            type text NOT NULL,
            title text NOT NULL,
            date text,
            language text,
            interviewer text,
            administrations jsonb NOT NULL DEFAULT '[]',
            plain_text text NOT NULL,
            revision bigint NOT NULL DEFAULT 1,
            ingested_at text NOT NULL,
            media text
        );
        CREATE TABLE participant (
            id text PRIMARY KEY,
            role text NOT NULL,
            administrations jsonb NOT NULL DEFAULT '[]',
            attributes jsonb NOT NULL DEFAULT '{}'
        );
        CREATE TABLE consent (
            id text PRIMARY KEY,
            participant_id text NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
            date text NOT NULL,
            scopes jsonb NOT NULL,
            withdrawn text,
            receipt jsonb
        );
        CREATE INDEX consent_participant ON consent(participant_id);
        -- Participants by pseudonym, not by foreign key (as in SQLite: validated at ingest).
        CREATE TABLE document_participant (
            document_id text NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            participant_id text NOT NULL,
            position bigint NOT NULL,
            PRIMARY KEY (document_id, participant_id)
        );
        CREATE INDEX document_participant_participant ON document_participant(participant_id);
        -- A segment is its [start, end) range of document.plain_text; its words are indexed in
        -- `words`, with the configuration of its document's language (`search_config`).
        CREATE TABLE segment (
            id bigserial PRIMARY KEY,
            document_id text NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            idx bigint NOT NULL,
            kind text NOT NULL,
            speaker text,
            heading_path jsonb NOT NULL DEFAULT '[]',
            start bigint NOT NULL,
            "end" bigint NOT NULL,
            line_start bigint NOT NULL,
            line_end bigint NOT NULL,
            time_start double precision,
            time_end double precision,
            search_config text NOT NULL,
            words tsvector NOT NULL,
            UNIQUE (document_id, idx)
        );
        CREATE INDEX segment_words ON segment USING gin (words);
        -- `book_order`: the order the codebook listed its codes in (SQLite keeps it as rowid).
        CREATE TABLE code (
            id text PRIMARY KEY,
            book_order bigint NOT NULL,
            parent_id text,
            position bigint NOT NULL,
            name text NOT NULL,
            kind text NOT NULL,
            description text,
            include text,
            exclude text,
            examples jsonb NOT NULL DEFAULT '[]',
            color text,
            formerly jsonb NOT NULL DEFAULT '[]',
            source_file text,
            source_line bigint,
            translations jsonb NOT NULL DEFAULT '{}',
            questions jsonb NOT NULL DEFAULT '[]'
        );
        -- Codes by id without a foreign key; removed codings keep their row (as in SQLite).
        CREATE TABLE coding (
            id text PRIMARY KEY,
            document_id text NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
            code_id text NOT NULL,
            coder text NOT NULL,
            memo text,
            start bigint NOT NULL,
            "end" bigint NOT NULL,
            quote text NOT NULL,
            prefix text NOT NULL,
            suffix text NOT NULL,
            status text NOT NULL,
            anchor_method text,
            created_at text NOT NULL,
            updated_at text NOT NULL,
            version bigint NOT NULL DEFAULT 1,
            removed_at text,
            removed_by text,
            updated_by text,
            CHECK (start >= 0 AND "end" > start),
            CHECK (status IN ('anchored', 'orphaned'))
        );
        CREATE INDEX coding_document ON coding(document_id, start);
        CREATE INDEX coding_code ON coding(code_id);
        """

    /// Each coding's history (see `CodingEvent`); a trigger refuses to change or delete an event.
    static let codingHistory = """
        CREATE TABLE coding_event (
            id bigserial PRIMARY KEY,
            coding_id text NOT NULL,
            kind text NOT NULL,
            at text NOT NULL,
            by text NOT NULL,
            old_code text,
            new_code text NOT NULL,
            memo_changed boolean NOT NULL DEFAULT false,
            old_start bigint,
            old_end bigint,
            new_start bigint NOT NULL,
            new_end bigint NOT NULL,
            method text,
            source text,
            version bigint NOT NULL
        );
        CREATE INDEX coding_event_coding ON coding_event(coding_id, id);
        CREATE FUNCTION coding_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'coding history is append-only'; END $$;
        CREATE TRIGGER coding_event_no_change BEFORE UPDATE OR DELETE ON coding_event
            FOR EACH ROW EXECUTE FUNCTION coding_event_append_only();
        CREATE TRIGGER coding_event_no_truncate BEFORE TRUNCATE ON coding_event
            FOR EACH STATEMENT EXECUTE FUNCTION coding_event_append_only();
        """

    static let memosNeedsLedgerAudit = """
        CREATE TABLE memo (
            id text PRIMARY KEY,
            target text NOT NULL CHECK (target IN ('project', 'document', 'code')),
            target_id text NOT NULL,
            author text NOT NULL,
            text text NOT NULL,
            created_at text NOT NULL,
            updated_at text NOT NULL,
            version bigint NOT NULL DEFAULT 1,
            removed_at text,
            removed_by text
        );
        CREATE INDEX memo_target ON memo(target, target_id);
        CREATE TABLE need_link (
            need_id text NOT NULL,
            solution_id text NOT NULL,
            rationale text NOT NULL,
            status text NOT NULL CHECK (status IN ('candidate', 'piloted', 'rejected')),
            linked_by text NOT NULL,
            linked_at text NOT NULL,
            PRIMARY KEY (need_id, solution_id)
        );
        CREATE TABLE ledger_seen (id text PRIMARY KEY, version bigint NOT NULL, changed_at text NOT NULL);
        CREATE TABLE audit_head (
            id integer PRIMARY KEY CHECK (id = 1),
            seq bigint NOT NULL,
            hash text NOT NULL
        );
        """

    /// The team server's accounts (`AccountStore`), as in SQLite's v19: names unique regardless of
    /// ASCII case (SQLite's NOCASE folds only A–Z, so `translate` does the same here, not `lower`).
    static let accounts = """
        CREATE TABLE account (
            name text PRIMARY KEY,
            role text NOT NULL CHECK (role IN ('researcher', 'facilitator', 'analyst', 'admin')),
            password_hash text NOT NULL,
            disabled boolean NOT NULL DEFAULT false,
            created_at text NOT NULL,
            updated_at text NOT NULL
        );
        CREATE UNIQUE INDEX account_name_ascii_case ON account
            (translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'));
        """

    /// Telemetry as in SQLite's tables of the same names and columns (so a study copies between
    /// the stores column for column): devices by pseudonym only, metrics, readings clustered by
    /// (device, metric, time) through their primary key, UTC day rollups, and the imports that
    /// stored each reading. As in SQLite no foreign keys on `reading` (a lookup per row at tens
    /// of millions of readings); devices go only in an erasure, which takes their readings too.
    /// Ids are `bigserial`: a copy that brings its own ids must move the sequences past them.
    static let telemetry = """
        CREATE TABLE telemetry_device (
            id bigserial PRIMARY KEY,
            name text NOT NULL UNIQUE,
            solution_id text NOT NULL,
            participant_id text NOT NULL
        );
        CREATE TABLE telemetry_metric (
            id bigserial PRIMARY KEY,
            name text NOT NULL,
            unit text NOT NULL DEFAULT '',
            UNIQUE (name, unit)
        );
        CREATE TABLE telemetry_import (
            id bigserial PRIMARY KEY,
            source text NOT NULL,
            started_at text NOT NULL,
            finished_at text,
            state text NOT NULL CHECK (state IN ('running', 'done'))
        );
        CREATE TABLE reading (
            device_id bigint NOT NULL,
            metric_id bigint NOT NULL,
            t bigint NOT NULL,
            value double precision,
            sum double precision,
            import_id bigint,
            PRIMARY KEY (device_id, metric_id, t)
        );
        CREATE TABLE reading_day (
            device_id bigint NOT NULL,
            metric_id bigint NOT NULL,
            day bigint NOT NULL,
            count bigint NOT NULL,
            min_value double precision NOT NULL,
            max_value double precision NOT NULL,
            total double precision NOT NULL,
            PRIMARY KEY (device_id, metric_id, day)
        );
        """
}

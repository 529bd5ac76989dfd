extension PostgresSchema {
    /// A counter per document the database itself raises on every change to the document's
    /// codings or memos (row triggers), so a document open reads and decodes them only when they
    /// changed since the copy a server holds, whichever path or process changed them. It never
    /// goes down (no row is deleted; a TRUNCATE raises them all): an equal number means nothing
    /// changed. Written out here, never in terms of live code: a released migration does not change.
    /// The same for the participant register (its entries and their consents), as one counter
    /// raised by statement triggers, as the codebook's.
    /// (A line ends in `;` only where a statement ends: function bodies keep theirs inside lines.)
    static let annotationAndRegisterRevisions = """
        CREATE TABLE register_revision (
            id integer PRIMARY KEY CHECK (id = 1),
            revision bigint NOT NULL
        );
        INSERT INTO register_revision (id, revision) VALUES (1, 1);
        CREATE FUNCTION fieldwork_register_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE register_revision SET revision = revision + 1; RETURN NULL; END $$;
        CREATE TRIGGER participant_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participant
            FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_register_changed();
        CREATE TRIGGER consent_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consent
            FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_register_changed();
        CREATE TABLE document_annotation_revision (
            document_id text PRIMARY KEY,
            revision bigint NOT NULL
        );
        CREATE FUNCTION fieldwork_annotation_changed(changed_document text) RETURNS void LANGUAGE sql AS $$
            INSERT INTO document_annotation_revision VALUES (changed_document, 1)
            ON CONFLICT (document_id) DO UPDATE SET revision = document_annotation_revision.revision + 1 $$;
        CREATE FUNCTION fieldwork_coding_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF TG_OP <> 'INSERT' THEN PERFORM fieldwork_annotation_changed(OLD.document_id); END IF; IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.document_id <> OLD.document_id) THEN
                PERFORM fieldwork_annotation_changed(NEW.document_id); END IF; RETURN NULL; END $$;
        CREATE TRIGGER coding_annotation_changed AFTER INSERT OR UPDATE OR DELETE ON coding
            FOR EACH ROW EXECUTE FUNCTION fieldwork_coding_changed();
        CREATE FUNCTION fieldwork_memo_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            IF TG_OP <> 'INSERT' AND OLD.target = 'document' THEN PERFORM fieldwork_annotation_changed(OLD.target_id); END IF; IF TG_OP <> 'DELETE' AND NEW.target = 'document' THEN PERFORM fieldwork_annotation_changed(NEW.target_id); END IF; RETURN NULL; END $$;
        CREATE TRIGGER memo_annotation_changed AFTER INSERT OR UPDATE OR DELETE ON memo
            FOR EACH ROW EXECUTE FUNCTION fieldwork_memo_changed();
        CREATE FUNCTION fieldwork_annotations_truncated() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
            UPDATE document_annotation_revision SET revision = revision + 1; RETURN NULL; END $$;
        CREATE TRIGGER coding_annotations_truncated AFTER TRUNCATE ON coding
            FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_annotations_truncated();
        CREATE TRIGGER memo_annotations_truncated AFTER TRUNCATE ON memo
            FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_annotations_truncated();
        """
}

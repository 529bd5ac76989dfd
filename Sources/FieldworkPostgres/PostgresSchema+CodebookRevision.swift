extension PostgresSchema {
    /// A counter the database itself raises on every change to the codebook's codes (a
    /// statement trigger), so a document open reads the codebook only when it changed since the
    /// copy a server holds, whichever path or process changed it. Written out here, never in
    /// terms of live code: a released migration does not change.
    static let codebookRevision = """
        CREATE TABLE codebook_revision (
            id integer PRIMARY KEY CHECK (id = 1),
            revision bigint NOT NULL
        );
        INSERT INTO codebook_revision (id, revision) VALUES (1, 1);
        CREATE FUNCTION fieldwork_codebook_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE codebook_revision SET revision = revision + 1; RETURN NULL; END $$;
        CREATE TRIGGER code_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON code
            FOR EACH STATEMENT EXECUTE FUNCTION fieldwork_codebook_changed();
        """
}

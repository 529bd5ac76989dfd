extension PostgresSchema {
    /// Migration 11: the content hash of the file an import read (NULL for imports before it was
    /// kept), so that ingest skips a workspace telemetry file whose latest finished import had the
    /// same content. As the SQLite store's v25 (on the import, not in `source_file`, which lists
    /// documents and their files).
    static let telemetryImportHash = """
        ALTER TABLE telemetry_import ADD COLUMN content_hash text;
        """
}

extension PostgresSchema {
    /// Migration 12: the size and modification time of the file an import read, when it was
    /// hashed (NULL: not recorded), so that ingest skips a telemetry file whose stamp is unchanged
    /// without reading it. As the SQLite store's v26.
    static let telemetryImportStamp = """
        ALTER TABLE telemetry_import ADD COLUMN size bigint, ADD COLUMN modified_ns bigint;
        """
}

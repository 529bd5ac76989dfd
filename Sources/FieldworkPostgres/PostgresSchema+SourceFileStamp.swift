extension PostgresSchema {
    /// Migration 8: the size and modification time of each ingested file when its hash was
    /// taken, so that re-ingest skips reading a file whose stamp is unchanged (NULL until then:
    /// the file is read and hashed once more). As the SQLite store's v22.
    static let sourceFileStamp = """
        ALTER TABLE source_file ADD COLUMN size bigint, ADD COLUMN modified_ns bigint;
        """
}

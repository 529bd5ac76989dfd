import GRDB

extension AppDatabase {
    /// v12: the audit log's head as last appended (see `AuditHeadStore`): one row.
    static func createAuditHead(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE audit_head (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                seq INTEGER NOT NULL,
                hash TEXT NOT NULL
            )
            """)
    }
}

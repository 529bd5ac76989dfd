import GRDB

extension AppDatabase {
    /// The team server's accounts (`AccountStore`). Names unique regardless of ASCII case; only
    /// a bcrypt hash of the password is kept.
    static func createAccounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE account (
                name TEXT PRIMARY KEY COLLATE NOCASE,
                role TEXT NOT NULL CHECK (role IN ('researcher', 'facilitator', 'analyst', 'admin')),
                password_hash TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """)
    }
}

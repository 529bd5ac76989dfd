extension PostgresSchema {
    /// Migration 10: a removed need–solution link is kept, marked, so that its removal travels in
    /// the ledger files (see `NeedsStore`); NULL: in force. As the SQLite store's v24.
    static let needLinkRemoval = """
        ALTER TABLE need_link ADD COLUMN removed_at text, ADD COLUMN removed_by text;
        """
}

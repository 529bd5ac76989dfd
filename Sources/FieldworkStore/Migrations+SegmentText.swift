import GRDB

extension AppDatabase {
    /// Segment texts are stored once, in `document.plain_text`: a segment is its `[start, end)`
    /// range of it, and the view `segment_text` cuts the text out (SQLite's `substr` counts
    /// Unicode scalars, our offset unit). The full-text index reads its external content from
    /// that view. Storing every text twice made the database a third larger and ingest slower.
    /// Nothing is lost: the dropped column was derived from the plain text.
    static func storeSegmentTextsOnce(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE segment_fts;
            ALTER TABLE segment DROP COLUMN text;
            CREATE VIEW segment_text (id, document_id, text) AS
                SELECT s.id, s.document_id, substr(d.plain_text, s.start + 1, s."end" - s.start)
                FROM segment s JOIN document d ON d.id = s.document_id;
            CREATE VIRTUAL TABLE segment_fts USING fts5(
                text, content='segment_text', content_rowid='id',
                tokenize='unicode61 remove_diacritics 2'
            );
            """)
        // Index each document's segments from its plain text, cut in Swift in one pass per
        // document ('rebuild' would re-read the whole text through the view for every segment).
        let documents = try Row.fetchCursor(db, sql: "SELECT id, plain_text FROM document")
        while let document = try documents.next() {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, start, "end" FROM segment WHERE document_id = ? ORDER BY start, id
                """, arguments: [document[0] as String])
            try indexSegmentsAsReleased(rows, text: document[1], db)
        }
    }

    /// The index build of version 6 as it was released, frozen here so that later changes to the
    /// live indexing code (`DocumentRow.index`) cannot change what this migration does to an old
    /// database. Cuts each segment's text out of the plain text in one pass (Unicode scalars).
    private static func indexSegmentsAsReleased(_ rows: [Row], text: String, _ db: Database) throws {
        var texts: [String] = []
        texts.reserveCapacity(rows.count)
        let scalars = Array(text.unicodeScalars)
        for row in rows {
            let start: Int = row[1], end: Int = row[2]
            let lower = min(max(start, 0), scalars.count), upper = min(max(end, lower), scalars.count)
            var body = String.UnicodeScalarView()
            body.append(contentsOf: scalars[lower..<upper])
            texts.append(String(body))
        }
        let statement = try db.makeStatement(sql: "INSERT INTO segment_fts(rowid, text) VALUES (?, ?)")
        for (row, body) in zip(rows, texts) {
            try statement.execute(arguments: [row[0] as Int64, body])
        }
    }
}

import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func sourceFiles() async throws -> [String: SourceFileState] {
        try await writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM source_file")
            return Dictionary(uniqueKeysWithValues: rows.map { row in
                let size: Int64? = row["size"]
                let modified: Int64? = row["modified_ns"]
                let state = SourceFileState(path: row["path"], contentHash: row["content_hash"],
                                            documentID: row["document_id"], parserVersion: row["parser_version"],
                                            stamp: FileStamp(size: size, modifiedNanoseconds: modified))
                return (state.path, state)
            })
        }
    }

    public func recordFileStamps(_ stamps: [String: FileStamp]) async throws {
        guard !stamps.isEmpty else { return }
        try await writer.write { db in
            let statement = try db.cachedStatement(sql: "UPDATE source_file SET size = ?, modified_ns = ? WHERE path = ?")
            for (path, stamp) in stamps {
                try statement.execute(arguments: [stamp.size, stamp.modifiedNanoseconds, path])
            }
        }
    }

    public func applyDocuments(_ changes: [DocumentChange]) async throws -> [DocumentApplyResult] {
        try await writer.write { db in try applyDocuments(changes, db) }
    }

    /// Writes documents inside the caller's transaction (ingest, or an import that creates them).
    func applyDocuments(_ changes: [DocumentChange], _ db: Database) throws -> [DocumentApplyResult] {
        var indexed: [SegmentIndexEntries] = []
        let results = try changes.map { change in
            var result: (DocumentApplyResult, SegmentIndexEntries)?
            try db.inSavepoint {
                result = try apply(change, db)
                return .commit
            }
            indexed.append(result!.1)
            return result!.0
        }
        // The full-text inserts for the whole batch come after the per-document savepoints:
        // FTS5 flushes its pending terms at every savepoint, and one flush per batch is what
        // a bulk load does. Each text is bound straight from its document's bytes.
        let insert = RawStatement(try db.cachedStatement(sql: "INSERT INTO segment_fts(rowid, text) VALUES (?, ?)"), in: db)
        for entries in indexed {
            var text = entries.plainText
            try text.withUTF8 { bytes in
                for (id, range) in zip(entries.ids, entries.byteRanges) {
                    insert.bind(1, id)
                    insert.bind(2, borrowing: UnsafeBufferPointer(rebasing: bytes[range]))
                    try insert.step()
                }
            }
        }
        return results
    }

    /// A document's new segments, for the full-text index: their row ids and the UTF-8 byte
    /// ranges of their texts in the document's plain text.
    private struct SegmentIndexEntries {
        var plainText: String
        var ids: [Int64]
        var byteRanges: [Range<Int>]
    }

    /// Writes one document; returns its result and its new segments (to index).
    private func apply(_ change: DocumentChange, _ db: Database) throws -> (DocumentApplyResult, SegmentIndexEntries) {
        let metadata = change.metadata
        let now = Timestamp.text(Date())
        // Cached statements throughout: an ingest writes hundreds of documents a transaction, and
        // compiling each statement anew was a tenth of the writer's time (session 33).
        let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT revision, plain_text FROM document WHERE id = ?"),
                                        arguments: [metadata.id])
        let existingRevision: Int? = existing?["revision"]
        let previousText: String? = existing?["plain_text"]
        // A file that used to hold another document id no longer provides that document; the
        // old document stays (with its codings) until someone deals with it.
        try db.cachedStatement(sql: "DELETE FROM source_file WHERE path = ? OR document_id = ?")
            .execute(arguments: [change.file.path, metadata.id])
        try db.cachedStatement(sql: """
            INSERT INTO source_file (path, content_hash, document_id, parser_version, ingested_at, size, modified_ns)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [change.file.path, change.file.contentHash, metadata.id, change.file.parserVersion, now,
                             change.file.stamp?.size, change.file.stamp?.modifiedNanoseconds])
        let arguments: StatementArguments = [
            "id": metadata.id, "path": change.file.path, "type": metadata.type.rawValue, "title": metadata.title,
            "date": metadata.date, "language": metadata.language, "interviewer": metadata.interviewer,
            "administrations": JSONColumn.encode(metadata.administrations.map(\.rawValue)),
            "plainText": change.text.plainText, "ingestedAt": now, "media": metadata.media,
        ]
        if let previousText {
            // The index is external-content: remove the old texts from it, cut from the old
            // plain text in one pass (the view would re-read the whole text for every segment).
            try DocumentRow.unindexSegments(of: metadata.id, text: previousText, db)
        }
        if existingRevision == nil {
            try db.cachedStatement(sql: """
                INSERT INTO document (id, path, type, title, date, language, interviewer, administrations,
                                      plain_text, ingested_at, media, revision)
                VALUES (:id, :path, :type, :title, :date, :language, :interviewer, :administrations,
                        :plainText, :ingestedAt, :media, 1)
                """).execute(arguments: arguments)
        } else {
            try db.cachedStatement(sql: """
                UPDATE document SET path = :path, type = :type, title = :title, date = :date, language = :language,
                    interviewer = :interviewer, administrations = :administrations, plain_text = :plainText,
                    ingested_at = :ingestedAt, media = :media, revision = revision + 1
                WHERE id = :id
                """).execute(arguments: arguments)
            try db.cachedStatement(sql: "DELETE FROM segment WHERE document_id = ?").execute(arguments: [metadata.id])
            try db.cachedStatement(sql: "DELETE FROM document_participant WHERE document_id = ?").execute(arguments: [metadata.id])
        }
        try insertParticipants(of: metadata, db)
        let indexEntries = try insertSegments(change.text, documentID: metadata.id, db)
        // A new document cannot have codings yet (they reference it).
        let report = existingRevision == nil
            ? ReanchorReport()
            : try reanchorCodings(documentID: metadata.id, text: change.text.plainText, previous: previousText, db)
        return (DocumentApplyResult(documentID: metadata.id, outcome: existingRevision == nil ? .added : .updated,
                                    reanchor: report), indexEntries)
    }

    private func insertParticipants(of metadata: DocumentMetadata, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO document_participant (document_id, participant_id, position) VALUES (?, ?, ?)
            """)
        for (position, participant) in metadata.participants.enumerated() {
            try statement.execute(arguments: [metadata.id, participant, position])
        }
    }

    private func insertSegments(_ text: SegmentedText, documentID: String, _ db: Database) throws -> SegmentIndexEntries {
        let insert = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO segment (document_id, idx, kind, speaker, heading_path, start, "end", line_start, line_end,
                                 time_start, time_end)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """), in: db)
        var ids: [Int64] = []
        ids.reserveCapacity(text.segments.count)
        for segment in text.segments {
            insert.bind(1, documentID)
            insert.bind(2, segment.index)
            insert.bind(3, segment.kind.rawValue)
            insert.bind(4, segment.speaker)
            insert.bind(5, JSONColumn.encode(segment.headingPath))
            insert.bind(6, segment.start)
            insert.bind(7, segment.end)
            insert.bind(8, segment.lineStart)
            insert.bind(9, segment.lineEnd)
            insert.bind(10, segment.timeStart)
            insert.bind(11, segment.timeEnd)
            try insert.step()
            ids.append(db.lastInsertedRowID)
        }
        // Segments are in text order: one forward walk finds all their bytes.
        return SegmentIndexEntries(plainText: text.plainText, ids: ids,
                                   byteRanges: text.plainText.scalarByteRanges(text.segments.map(\.span)))
    }

    private func reanchorCodings(documentID: String, text: String, previous: String?, _ db: Database) throws -> ReanchorReport {
        let codings = try CodingRow.fetchCodings(db, filter: CodingFilter(documentID: documentID))
        guard !codings.isEmpty else { return ReanchorReport() }
        let report = Reanchoring.reanchor(codings, into: ScalarText(text), previous: previous.map(ScalarText.init))
        let before = Dictionary(uniqueKeysWithValues: codings.map { ($0.id, $0) })
        let now = Coding.timestamp()
        for coding in report.updated {
            try CodingRow.write(coding, db)
            if let old = before[coding.id] { try CodingEventRow.append(.reanchoring(old, coding, at: now), db) }
        }
        return report
    }

    public func documents() async throws -> [DocumentSummary] {
        try await summaries(where: "")
    }

    public func documentsWithRecordings() async throws -> [DocumentSummary] {
        try await summaries(where: "WHERE d.media IS NOT NULL")
    }

    private func summaries(where clause: String) async throws -> [DocumentSummary] {
        try await writer.read { db in
            try Row.decodeAll(db, sql: "SELECT \(Self.summaryColumns) FROM document d \(clause) ORDER BY d.date, d.id", Self.summary(from:))
        }
    }

    public func document(id: String) async throws -> StoredDocument? {
        try await writer.read { db in try DocumentRow.document(id, db) }
    }

    public func textWindow(documentID: String, around span: Range<Int>) async throws -> TextWindow? {
        try await writer.read { db in try DocumentRow.textWindow(documentID, around: span, db, texts: database.documentTexts) }
    }

    public func segments(documentID: String) async throws -> [Segment] {
        try await writer.read { db in try DocumentRow.segments(documentID, db) }
    }
}

enum DocumentRow {
    static func document(_ id: String, _ db: Database) throws -> StoredDocument? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT d.*, (SELECT json_group_array(participant_id) FROM
                (SELECT participant_id FROM document_participant p WHERE p.document_id = d.id ORDER BY position)
            ) AS participants
            FROM document d WHERE d.id = ?
            """, arguments: [id]) else { return nil }
        return StoredDocument(metadata: try metadata(from: row), path: row["path"],
                              plainText: row["plain_text"], revision: row["revision"])
    }

    private static let segmentColumns = #"idx, kind, speaker, heading_path, start, "end", line_start, line_end, time_start, time_end"#

    static func segments(_ documentID: String, _ db: Database) throws -> [Segment] {
        try segments(db.cachedStatement(sql: """
            SELECT \(segmentColumns)
            FROM segment WHERE document_id = ? ORDER BY idx
            """), arguments: [documentID])
    }

    /// The turns of a document that begin in `starts` (a coding write's speaker-label check).
    static func turns(_ documentID: String, startingIn starts: ClosedRange<Int>, _ db: Database) throws -> [Segment] {
        try segments(db.cachedStatement(sql: """
            SELECT \(segmentColumns)
            FROM segment WHERE document_id = ? AND kind = 'turn' AND start BETWEEN ? AND ? ORDER BY idx
            """), arguments: [documentID, starts.lowerBound, starts.upperBound])
    }

    private static func segments(_ statement: Statement, arguments: StatementArguments) throws -> [Segment] {
        try Row.decodeAll(statement, arguments: arguments) { row in
            Segment(index: row["idx"], kind: try row.value("kind", of: "segment"), speaker: row["speaker"],
                    headingPath: JSONColumn.decode([String].self, from: row["heading_path"], default: []),
                    start: row["start"], end: row["end"], lineStart: row["line_start"], lineEnd: row["line_end"],
                    timeStart: row["time_start"], timeEnd: row["time_end"])
        }
    }

    /// Removes a document's segments from the full-text index; `text` is the plain text they
    /// were indexed from (FTS5 needs the very same text to delete an external-content row).
    static func unindexSegments(of documentID: String, text: String, _ db: Database) throws {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, start, "end" FROM segment WHERE document_id = ? ORDER BY start, id
            """), arguments: [documentID])
        try index(rows, text: text, delete: true, db)
    }

    /// Adds (or with `delete`, removes) the segments in `rows` (id, start, end; in text order)
    /// to the full-text index, their texts cut from `text`.
    static func index(_ rows: [Row], text: String, delete: Bool = false, _ db: Database) throws {
        let texts = text.scalarSlices(rows.map { ($0[1] as Int)..<($0[2] as Int) })
        let statement = try db.cachedStatement(sql: delete
            ? "INSERT INTO segment_fts(segment_fts, rowid, text) VALUES ('delete', ?, ?)"
            : "INSERT INTO segment_fts(rowid, text) VALUES (?, ?)")
        for (row, body) in zip(rows, texts) {
            try statement.execute(arguments: [row[0] as Int64, body])
        }
    }

    /// The text around `span`, cut from the document's text kept in `texts` when its stamp,
    /// read here in the caller's transaction, is the one kept (else read and kept).
    static func textWindow(_ documentID: String, around span: Range<Int>, _ db: Database,
                           texts: DocumentTextCache) throws -> TextWindow? {
        guard let basis = try consentBasis(documentID, db) else { return nil }
        return try textWindow(documentID, at: basis.stamp, around: span, db, texts: texts)
    }

    /// The document's stamp and the register's revision, in one statement through SQLite's C API
    /// (`RawStatement.firstRow`): every coding write reads it, and its answer applies the consent
    /// rule by it (`WrittenCoding.basis`). nil: no such document.
    static func consentBasis(_ documentID: String, _ db: Database) throws -> ConsentBasis? {
        let read = RawStatement(try db.cachedStatement(sql: """
            SELECT revision, ingested_at, (SELECT revision FROM register_revision) FROM document WHERE id = ?
            """), in: db)
        read.bind(1, documentID)
        return try read.firstRow {
            ConsentBasis(stamp: DocumentStamp(revision: $0.int(0), ingestedAt: $0.text(1) ?? ""), registerRevision: $0.int(2))
        }
    }

    /// The text around `span` of the document at `stamp`, read in the same transaction.
    static func textWindow(_ documentID: String, at stamp: DocumentStamp, around span: Range<Int>, _ db: Database,
                           texts: DocumentTextCache) throws -> TextWindow {
        if let kept = texts.text(of: documentID, stamp: stamp) { return kept.window(TextWindow.bounds(around: span)) }
        let plainText = try String.fetchOne(db.cachedStatement(sql: "SELECT plain_text FROM document WHERE id = ?"),
                                            arguments: [documentID]) ?? ""
        let text = IndexedText(plainText, stamp: stamp)
        texts.keep(text, for: documentID)
        return text.window(TextWindow.bounds(around: span))
    }

    static func metadata(from row: Row) throws -> DocumentMetadata {
        DocumentMetadata(
            id: row["id"], type: try row.value("type", of: "document"), title: row["title"],
            date: row["date"], language: row["language"],
            participants: JSONColumn.decode([String].self, from: row["participants"], default: []),
            interviewer: row["interviewer"],
            administrations: JSONColumn.decode([String].self, from: row["administrations"], default: [])
                .compactMap(Administration.init(rawValue:)),
            media: row["media"])
    }
}

import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func sourceFiles() async throws -> [String: SourceFileState] {
        try await read { connection in
            let rows = try await connection.rows(
                "SELECT path, content_hash, document_id, parser_version, size, modified_ns FROM source_file", logger)
            return Dictionary(uniqueKeysWithValues: try rows.map { row in
                let size: Int64? = try row.get("size")
                let modified: Int64? = try row.get("modified_ns")
                let state = SourceFileState(path: try row.get("path"), contentHash: try row.get("content_hash"),
                                            documentID: try row.get("document_id"), parserVersion: try row.get("parser_version"),
                                            stamp: FileStamp(size: size, modifiedNanoseconds: modified))
                return (state.path, state)
            })
        }
    }

    public func recordFileStamps(_ stamps: [String: FileStamp]) async throws {
        guard !stamps.isEmpty else { return }
        let entries = Array(stamps)
        try await write { connection in
            // One statement for all of them (the first ingest after an upgrade stamps every file).
            try await connection.run("""
                UPDATE source_file SET size = u.size, modified_ns = u.modified_ns
                FROM unnest(\(entries.map(\.key))::text[], \(entries.map(\.value.size))::bigint[],
                            \(entries.map(\.value.modifiedNanoseconds))::bigint[]) AS u(path, size, modified_ns)
                WHERE source_file.path = u.path
                """, logger)
        }
    }

    public func applyDocuments(_ changes: [DocumentChange]) async throws -> [DocumentApplyResult] {
        try await write { connection in try await applyDocuments(changes, connection) }
    }

    /// Applies `changes` inside the caller's write transaction (an import adds its documents in
    /// the transaction of its codings).
    func applyDocuments(_ changes: [DocumentChange], _ connection: PostgresConnection) async throws -> [DocumentApplyResult] {
        var results: [DocumentApplyResult] = []
        for change in changes {
            // One savepoint per document, as in the SQLite store.
            try await connection.run("SAVEPOINT document", logger)
            results.append(try await apply(change, connection))
            try await connection.run("RELEASE SAVEPOINT document", logger)
        }
        return results
    }

    private func apply(_ change: DocumentChange, _ connection: PostgresConnection) async throws -> DocumentApplyResult {
        let metadata = change.metadata
        let now = PostgresTimestamp.text(Date())
        let existing = try await connection.row(
            "SELECT revision, plain_text FROM document WHERE id = \(metadata.id)", logger)
        let previousText: String? = try existing?.get("plain_text")
        // A file that used to hold another document id no longer provides that document.
        try await connection.run("DELETE FROM source_file WHERE path = \(change.file.path) OR document_id = \(metadata.id)", logger)
        try await connection.run("""
            INSERT INTO source_file (path, content_hash, document_id, parser_version, ingested_at, size, modified_ns)
            VALUES (\(change.file.path), \(change.file.contentHash), \(metadata.id), \(change.file.parserVersion), \(now),
                    \(change.file.stamp?.size), \(change.file.stamp?.modifiedNanoseconds))
            """, logger)
        let administrations = PostgresJSON.encode(metadata.administrations.map(\.rawValue))
        if existing == nil {
            try await connection.run("""
                INSERT INTO document (id, path, type, title, date, language, interviewer, administrations,
                                      plain_text, ingested_at, media, revision)
                VALUES (\(metadata.id), \(change.file.path), \(metadata.type.rawValue), \(metadata.title), \(metadata.date),
                        \(metadata.language), \(metadata.interviewer), \(administrations)::jsonb, \(change.text.plainText),
                        \(now), \(metadata.media), 1)
                """, logger)
        } else {
            try await connection.run("""
                UPDATE document SET path = \(change.file.path), type = \(metadata.type.rawValue), title = \(metadata.title),
                    date = \(metadata.date), language = \(metadata.language), interviewer = \(metadata.interviewer),
                    administrations = \(administrations)::jsonb, plain_text = \(change.text.plainText),
                    ingested_at = \(now), media = \(metadata.media), revision = revision + 1
                WHERE id = \(metadata.id)
                """, logger)
            try await connection.run("DELETE FROM segment WHERE document_id = \(metadata.id)", logger)
            try await connection.run("DELETE FROM document_participant WHERE document_id = \(metadata.id)", logger)
        }
        try await connection.run("""
            INSERT INTO document_participant (document_id, participant_id, position)
            SELECT \(metadata.id), p.id, min(p.position - 1) FROM unnest(\(metadata.participants)::text[]) WITH ORDINALITY AS p(id, position)
            GROUP BY p.id
            ON CONFLICT DO NOTHING
            """, logger)
        try await insertSegments(change.text, documentID: metadata.id, language: metadata.language, connection)
        let report = existing == nil
            ? ReanchorReport()
            : try await reanchorCodings(documentID: metadata.id, text: change.text.plainText, previous: previousText, connection)
        return DocumentApplyResult(documentID: metadata.id, outcome: existing == nil ? .added : .updated, reanchor: report)
    }

    /// All of a document's segments in one statement (a JSON array of rows), each with its
    /// words indexed in its document's language.
    private func insertSegments(_ text: SegmentedText, documentID: String, language: String?,
                                _ connection: PostgresConnection) async throws {
        guard !text.segments.isEmpty else { return }
        let bodies = text.plainText.scalarSlices(text.segments.map(\.span))
        let rows = zip(text.segments, bodies).map { segment, body in
            SegmentRow(idx: segment.index, kind: segment.kind.rawValue, speaker: segment.speaker,
                       heading_path: segment.headingPath, start: segment.start, end: segment.end,
                       line_start: segment.lineStart, line_end: segment.lineEnd, time_start: segment.timeStart,
                       time_end: segment.timeEnd, body: PostgresSearch.indexedWords(body))
        }
        let config = PostgresSearch.configuration(language: language)
        try await connection.run("""
            INSERT INTO segment (document_id, idx, kind, speaker, heading_path, start, "end", line_start, line_end,
                                 time_start, time_end, search_config, words)
            SELECT \(documentID), x.idx, x.kind, x.speaker, x.heading_path, x.start, x."end", x.line_start, x.line_end,
                   x.time_start, x.time_end, \(config), to_tsvector(\(config)::regconfig, x.body)
            FROM jsonb_to_recordset(\(PostgresJSON.encode(rows))::jsonb) AS x(
                idx bigint, kind text, speaker text, heading_path jsonb, start bigint, "end" bigint,
                line_start bigint, line_end bigint, time_start double precision, time_end double precision, body text)
            """, logger)
    }

    private struct SegmentRow: Encodable {
        var idx: Int
        var kind: String
        var speaker: String?
        var heading_path: [String]
        var start: Int
        var end: Int
        var line_start: Int
        var line_end: Int
        var time_start: Double?
        var time_end: Double?
        var body: String
    }

    private func reanchorCodings(documentID: String, text: String, previous: String?,
                                 _ connection: PostgresConnection) async throws -> ReanchorReport {
        let codings = try await PostgresCodingRow.fetchCodings(connection, logger, filter: CodingFilter(documentID: documentID))
        guard !codings.isEmpty else { return ReanchorReport() }
        let report = Reanchoring.reanchor(codings, into: ScalarText(text), previous: previous.map(ScalarText.init))
        let before = Dictionary(uniqueKeysWithValues: codings.map { ($0.id, $0) })
        let now = Coding.timestamp()
        for coding in report.updated {
            try await PostgresCodingRow.write(coding, connection, logger)
            if let old = before[coding.id] {
                try await PostgresCodingEventRow.append(.reanchoring(old, coding, at: now), connection, logger)
            }
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
        try await read { connection in
            try await connection.rows("""
                SELECT d.id, d.path, d.type, d.title, d.date, d.language, d.interviewer, d.administrations::text, d.media,
                    (SELECT COUNT(*) FROM segment s WHERE s.document_id = d.id) AS segment_count,
                    (SELECT COUNT(*) FROM coding c WHERE c.document_id = d.id AND c.removed_at IS NULL) AS coding_count,
                    \(unescaped: Self.participantsColumn)
                FROM document d \(unescaped: clause) ORDER BY d.date COLLATE "C" NULLS FIRST, d.id COLLATE "C"
                """, logger).map { row in
                DocumentSummary(metadata: try Self.metadata(from: row), path: try row.get("path"),
                                segments: try row.get("segment_count"), codings: try row.get("coding_count"))
            }
        }
    }

    /// A document's participants in their order, as a JSON list.
    static let participantsColumn = """
        (SELECT coalesce(json_agg(p.participant_id ORDER BY p.position), '[]')::text
         FROM document_participant p WHERE p.document_id = d.id) AS participants
        """

    public func document(id: String) async throws -> StoredDocument? {
        try await read { connection in try await document(id, connection) }
    }

    func document(_ id: String, _ connection: PostgresConnection) async throws -> StoredDocument? {
        guard let row = try await connection.row("""
            SELECT d.id, d.path, d.type, d.title, d.date, d.language, d.interviewer, d.administrations::text, d.media,
                d.plain_text, d.revision, \(unescaped: Self.participantsColumn)
            FROM document d WHERE d.id = \(id)
            """, logger) else { return nil }
        return StoredDocument(metadata: try Self.metadata(from: row), path: try row.get("path"),
                              plainText: try row.get("plain_text"), revision: try row.get("revision"))
    }

    public func textWindow(documentID: String, around span: Range<Int>) async throws -> TextWindow? {
        try await read { connection in try await Self.textWindow(documentID, around: span, connection, logger) }
    }

    /// PostgreSQL's `substr` and `length` count characters of text in a UTF8 database as
    /// Unicode scalars, the unit of our offsets (tested on emoji, ZWJ sequences and NFD text),
    /// so the window is cut on the server.
    static func textWindow(_ documentID: String, around span: Range<Int>, _ connection: PostgresConnection,
                           _ logger: Logger) async throws -> TextWindow? {
        try await textWindow(documentID, around: span, connection, logger, lockingFor: nil)?.context.window
    }

    /// The text around `span`; with `code` (a coding is written on the document), the document's
    /// row is locked until the transaction ends, so no ingest changes the text between reading
    /// and storing, and whether the code exists comes in the same round trip. So does the
    /// write's `ConsentBasis` (its answer applies the consent rule by it).
    static func textWindow(_ documentID: String, around span: Range<Int>, _ connection: PostgresConnection,
                           _ logger: Logger, lockingFor code: String?) async throws -> (context: NewCodingContext, basis: ConsentBasis)? {
        let bounds = TextWindow.bounds(around: span)
        guard let row = try await connection.row("""
            SELECT substr(plain_text, \(bounds.lowerBound + 1)::integer, \(bounds.count)::integer) AS text,
                length(plain_text) AS length, revision, ingested_at, (SELECT revision FROM register_revision) AS register_revision,
                EXISTS (SELECT 1 FROM code WHERE id = \(code ?? "")) AS code_exists
            FROM document WHERE id = \(documentID) \(unescaped: code == nil ? "" : "FOR UPDATE")
            """, logger) else { return nil }
        let length: Int = try row.get("length")
        let codeExists: Bool = try row.get("code_exists")
        let window = TextWindow(offset: bounds.lowerBound, text: try row.get("text"), documentLength: min(length, bounds.upperBound),
                                revision: try row.get("revision"))
        // Read in the write's transaction, so the turns match the text the span is checked on.
        var turns: [Segment] = []
        if code != nil, let starts = SpeakerLabelSpan.turnStartsToRead(for: span, in: window) {
            turns = try await Self.turns(documentID, startingIn: starts, connection, logger)
        }
        let basis = ConsentBasis(stamp: DocumentStamp(revision: window.revision, ingestedAt: try row.get("ingested_at")),
                                 registerRevision: Int(try row.get("register_revision", as: Int64.self)))
        return (NewCodingContext(window: window, codeExists: code != nil && codeExists, turnsNearSpan: turns), basis)
    }

    private static let segmentColumns = #"idx, kind, speaker, heading_path::text, start, "end", line_start, line_end, time_start, time_end"#

    public func segments(documentID: String) async throws -> [Segment] {
        try await read { connection in try await segments(documentID, connection) }
    }

    func segments(_ documentID: String, _ connection: PostgresConnection) async throws -> [Segment] {
        try await connection.rows("""
            SELECT \(unescaped: Self.segmentColumns)
            FROM segment WHERE document_id = \(documentID) ORDER BY idx
            """, logger).map(Self.segment)
    }

    /// The turns of a document that begin in `starts` (a coding write's speaker-label check).
    static func turns(_ documentID: String, startingIn starts: ClosedRange<Int>, _ connection: PostgresConnection,
                      _ logger: Logger) async throws -> [Segment] {
        try await connection.rows("""
            SELECT \(unescaped: Self.segmentColumns)
            FROM segment WHERE document_id = \(documentID) AND kind = 'turn'
                AND start BETWEEN \(starts.lowerBound) AND \(starts.upperBound) ORDER BY idx
            """, logger).map(segment)
    }

    private static func segment(_ row: PostgresRandomAccessRow) throws -> Segment {
        Segment(index: try row.get("idx"), kind: try row.value("kind", of: "segment"), speaker: try row.get("speaker"),
                headingPath: try row.json("heading_path", default: [String]()),
                start: try row.get("start"), end: try row.get("end"), lineStart: try row.get("line_start"),
                lineEnd: try row.get("line_end"), timeStart: try row.get("time_start"), timeEnd: try row.get("time_end"))
    }

    static func metadata(from row: PostgresRandomAccessRow) throws -> DocumentMetadata {
        DocumentMetadata(
            id: try row.get("id"), type: try row.value("type", of: "document"), title: try row.get("title"),
            date: try row.get("date"), language: try row.get("language"),
            participants: try row.json("participants", default: [String]()),
            interviewer: try row.get("interviewer"),
            administrations: try row.json("administrations", default: [String]()).compactMap(Administration.init(rawValue:)),
            media: try row.get("media"))
    }
}

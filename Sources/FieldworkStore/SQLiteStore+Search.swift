import FieldworkCore
import GRDB

extension SQLiteStore {
    /// FTS5 over segment texts, BM25-ranked. The query arrives pre-quoted (`SearchQuery.ftsPattern`)
    /// so user input is never FTS5 syntax; the diacritics rule is applied to the candidates.
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        return try await writer.read { db in
            let pattern = query.ftsPattern
            // Over-fetch when the diacritics rule may drop candidates.
            let fetchLimit = query.termsWithDiacritics.isEmpty ? query.limit : query.limit * 10
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.document_id, d.title, s.idx, s.speaker, s.heading_path, s.start, s."end", t.text,
                    snippet(segment_fts, 0, char(57344), char(57345), '…', 16) AS snippet, segment_fts.rank AS rank
                FROM segment_fts
                JOIN segment s ON s.id = segment_fts.rowid
                JOIN segment_text t ON t.id = segment_fts.rowid
                JOIN document d ON d.id = s.document_id
                WHERE segment_fts MATCH ?
                ORDER BY segment_fts.rank
                LIMIT ?
                """, arguments: [pattern, fetchLimit])
            return rows.filter { query.acceptsDiacritics(of: $0["text"]) }.prefix(query.limit).map { row in
                let headingPath = JSONColumn.decode([String].self, from: row["heading_path"], default: [])
                return SearchHit(
                    documentID: row["document_id"], documentTitle: row["title"], segmentIndex: row["idx"],
                    speaker: row["speaker"], heading: Segment.headingLine(headingPath),
                    start: row["start"], end: row["end"], snippet: row["snippet"], rank: row["rank"])
            }
        }
    }
}

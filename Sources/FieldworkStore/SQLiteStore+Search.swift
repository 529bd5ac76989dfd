import FieldworkCore
import GRDB

extension SQLiteStore {
    /// FTS5 over segment texts, BM25-ranked within `SearchQuery.rankingWindow`. The query arrives
    /// pre-quoted (`SearchQuery.ftsPattern`) so user input is never FTS5 syntax; the diacritics
    /// rule is applied to the candidates.
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        return try await writer.read { db in
            let pattern = query.ftsPattern
            // The window's last rowid: walking matching rowids is cheap, while BM25, the joins and
            // the snippet cost per ranked row, so they stop at the window (FTS5 takes the rowid
            // bound into its scan).
            let lastRanked = try Int64.fetchOne(db, sql: """
                SELECT rowid FROM segment_fts WHERE segment_fts MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?
                """, arguments: [pattern, query.rankedMatches - 1]) ?? Int64.max
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.document_id, d.title, s.idx, s.speaker, s.heading_path, s.start, s."end", t.text,
                    snippet(segment_fts, 0, char(57344), char(57345), '…', 16) AS snippet, segment_fts.rank AS rank
                FROM segment_fts
                JOIN segment s ON s.id = segment_fts.rowid
                JOIN segment_text t ON t.id = segment_fts.rowid
                JOIN document d ON d.id = s.document_id
                WHERE segment_fts MATCH ? AND segment_fts.rowid <= ?
                ORDER BY segment_fts.rank
                LIMIT ?
                """, arguments: [pattern, lastRanked, query.fetchLimit])
            return query.page(rows) { $0["text"] as String }.map { row in
                let headingPath = JSONColumn.decode([String].self, from: row["heading_path"], default: [])
                return SearchHit(
                    documentID: row["document_id"], documentTitle: row["title"], segmentIndex: row["idx"],
                    speaker: row["speaker"], heading: Segment.headingLine(headingPath),
                    start: row["start"], end: row["end"], snippet: row["snippet"], rank: row["rank"])
            }
        }
    }
}

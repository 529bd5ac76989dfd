import FieldworkCore
import GRDB

extension SQLiteStore {
    /// FTS5 over segment texts, BM25-ranked within `SearchQuery.rankingWindow`. The query arrives
    /// pre-quoted (`SearchQuery.ftsPattern`) so user input is never FTS5 syntax; the diacritics
    /// rule is applied to the candidates. Three steps, so that each costs what it must: the
    /// window's bound (walking matching rowids is cheap), BM25 over the window (ids only, with
    /// the phrases' row counts kept between searches: `BM25Ranking`), then
    /// the page's rows with their snippets (a snippet tokenizes its segment again).
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        return try await writer.read { db in
            let pattern = query.ftsPattern
            let lastRanked = try Int64.fetchOne(db, sql: """
                SELECT rowid FROM segment_fts WHERE segment_fts MATCH ? ORDER BY rowid LIMIT 1 OFFSET ?
                """, arguments: [pattern, query.rankedMatches - 1]) ?? Int64.max
            // BM25 as FTS5 computes it, with each phrase's row count kept while the index is
            // unchanged instead of counted again by every search (`BM25Ranking`).
            let hits = try database.phraseHits.counts(of: query.ftsPhrases, db)
            let ranking = "\(BM25Ranking.functionName)(\(hits.map(String.init).joined(separator: ", ")))"
            let ranked = try Row.decodeAll(db, sql: """
                SELECT rowid, rank FROM segment_fts WHERE segment_fts MATCH ? AND rank MATCH ? AND rowid <= ?
                ORDER BY rank LIMIT ?
                """, arguments: [pattern, ranking, lastRanked, query.fetchLimit]) { (id: $0[0] as Int64, rank: $0[1] as Double) }
            // The candidates' texts, for the diacritics rule (only when a term asks for it), a
            // page's worth at a time as the rule walks down the ranking: each text is cut out of
            // its document's plain text, so reading all ten pages' worth the rule might need cost
            // more than the rest of the search, when nearly every candidate passes.
            var texts: [Int64: String] = [:]
            let batch = query.offset + query.limit
            let page = try query.page(ranked.indices) { index in
                if query.termsWithDiacritics.isEmpty { return "" }
                if texts[ranked[index].id] == nil {
                    let ids = ranked[index..<min(index + batch, ranked.count)].map(\.id)
                    for row in try Row.fetchAll(db, sql: """
                        SELECT id, text FROM segment_text WHERE id IN (\(databaseQuestionMarks(count: ids.count)))
                        """, arguments: StatementArguments(ids)) { texts[row[0] as Int64] = row[1] as String }
                }
                return texts[ranked[index].id] ?? ""
            }.map { ranked[$0] }
            guard let first = page.map(\.id).min(), let last = page.map(\.id).max() else { return [] }
            // `snippet` needs the FTS5 cursor of a MATCH: the rowid range keeps that scan within
            // the page's rows, and `+rowid IN` (not an index constraint) picks them out of it.
            let ids = page.map(\.id)
            var rows: [Int64: Row] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.id, s.document_id, d.title, d.type, d.date, s.idx, s.speaker, s.heading_path, s.start, s."end",
                    snippet(segment_fts, 0, char(57344), char(57345), '…', 16) AS snippet
                FROM segment_fts
                JOIN segment s ON s.id = segment_fts.rowid
                JOIN document d ON d.id = s.document_id
                WHERE segment_fts MATCH ? AND segment_fts.rowid BETWEEN ? AND ?
                    AND +segment_fts.rowid IN (\(databaseQuestionMarks(count: ids.count)))
                """, arguments: StatementArguments([pattern, first, last] as [any DatabaseValueConvertible]) + StatementArguments(ids)) {
                rows[row["id"]] = row
            }
            return try page.compactMap { candidate in
                guard let row = rows[candidate.id] else { return nil }
                let headingPath = JSONColumn.decode([String].self, from: row["heading_path"], default: [])
                return SearchHit(
                    documentID: row["document_id"], documentTitle: row["title"], documentType: try row.value("type", of: "document"),
                    documentDate: row["date"], segmentIndex: row["idx"],
                    speaker: row["speaker"], heading: Segment.headingLine(headingPath),
                    start: row["start"], end: row["end"], snippet: query.shownSnippet(row["snippet"], text: texts[candidate.id] ?? ""),
                    rank: candidate.rank)
            }
        }
    }
}

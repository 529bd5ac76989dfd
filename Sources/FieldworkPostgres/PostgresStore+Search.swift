import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Segments matching every term, best first (`ts_rank_cd`, negated so that lower is better
    /// as with FTS5's BM25) within `SearchQuery.rankingWindow`: the window is the first matches
    /// by `segment.id` (corpus order, found through the GIN index without ranking), only they
    /// are ranked, and only the candidates returned get a headline. The query is parsed once per
    /// configuration, and each segment is matched by the one of its document's language. The
    /// rule that a term typed with diacritics must match them (the index folds them) is applied
    /// to the candidates, as in the SQLite store.
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        var query = query
        query.inflects = true  // the configurations stem: the diacritics rule allows endings too
        let text = PostgresSearch.tsquery(query)
        let options = "StartSel=\(SearchHit.matchStart), StopSel=\(SearchHit.matchEnd), MaxWords=16, MinWords=6, ShortWord=1"
        return try await read { connection in
            // `h.id + 0` keeps the planner from walking the primary key in order, testing every
            // segment until the window fills (slow for a rare word): the bitmap of the GIN index
            // finds the matches, then only their ids are sorted.
            let rows = try await connection.rows("""
                WITH q AS (
                    SELECT to_tsquery('fieldwork_sv', \(text)) AS sv, to_tsquery('fieldwork_en', \(text)) AS en,
                           to_tsquery('fieldwork_simple', \(text)) AS simple
                ), hits AS (
                    SELECT s.id, s.document_id, s.idx, s.search_config, s.words,
                        CASE s.search_config WHEN 'fieldwork_sv' THEN q.sv WHEN 'fieldwork_en' THEN q.en ELSE q.simple END AS query
                    FROM segment s, q
                    WHERE s.words @@ q.sv OR s.words @@ q.en OR s.words @@ q.simple
                ), candidates AS (
                    SELECT * FROM hits h WHERE h.words @@ h.query ORDER BY h.id + 0 LIMIT \(query.rankedMatches)
                ), top AS (
                    SELECT c.id, c.search_config, c.query, -ts_rank_cd(c.words, c.query)::double precision AS rank
                    FROM candidates c ORDER BY rank, c.document_id COLLATE "C", c.idx LIMIT \(query.fetchLimit)
                )
                SELECT s.document_id, d.title, d.type, d.date, s.idx, s.speaker, s.heading_path::text, s.start, s."end",
                    substr(d.plain_text, s.start::integer + 1, (s."end" - s.start)::integer) AS text,
                    t.rank,
                    ts_headline(t.search_config::regconfig, substr(d.plain_text, s.start::integer + 1, (s."end" - s.start)::integer),
                                t.query, \(options)) AS snippet
                FROM top t JOIN segment s ON s.id = t.id JOIN document d ON d.id = s.document_id
                ORDER BY t.rank, s.document_id COLLATE "C", s.idx
                """, logger)
            return try query.page(rows) { try $0.get("text") as String }.map { row in
                let body: String = try row.get("text")
                return SearchHit(
                    documentID: try row.get("document_id"), documentTitle: try row.get("title"),
                    documentType: try row.value("type", of: "document"), documentDate: try row.get("date"),
                    segmentIndex: try row.get("idx"), speaker: try row.get("speaker"),
                    heading: Segment.headingLine(try row.json("heading_path", default: [String]())),
                    start: try row.get("start"), end: try row.get("end"),
                    snippet: query.shownSnippet(Self.snippet(try row.get("snippet"), of: body), text: body),
                    rank: try row.get("rank"))
            }
        }
    }

    /// `ts_headline`'s excerpt, with an ellipsis where the segment goes on (as FTS5's `snippet`).
    private static func snippet(_ headline: String, of body: String) -> String {
        let plain = headline.replacingOccurrences(of: SearchHit.matchStart, with: "")
            .replacingOccurrences(of: SearchHit.matchEnd, with: "")
        guard let range = body.range(of: plain) else { return headline }
        return (range.lowerBound > body.startIndex ? "…" : "") + headline + (range.upperBound < body.endIndex ? "…" : "")
    }
}

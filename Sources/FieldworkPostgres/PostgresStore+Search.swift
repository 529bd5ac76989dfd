import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    /// Segments matching every term, best first (`ts_rank_cd`, negated so that lower is better
    /// as with FTS5's BM25). The query is parsed once per configuration, and each segment is
    /// matched by the one of its document's language. The rule that a term typed with
    /// diacritics must match them (the index folds them) is applied to the candidates, as in
    /// the SQLite store.
    public func search(_ query: SearchQuery) async throws -> [SearchHit] {
        guard !query.isEmpty else { return [] }
        let fetchLimit = query.termsWithDiacritics.isEmpty ? query.limit : query.limit * 10
        let text = PostgresSearch.tsquery(query)
        let options = "StartSel=\(SearchHit.matchStart), StopSel=\(SearchHit.matchEnd), MaxWords=16, MinWords=6, ShortWord=1"
        return try await read { connection in
            let rows = try await connection.rows("""
                WITH q AS (
                    SELECT to_tsquery('fieldwork_sv', \(text)) AS sv, to_tsquery('fieldwork_en', \(text)) AS en,
                           to_tsquery('fieldwork_simple', \(text)) AS simple
                ), hits AS (
                    SELECT s.id, s.document_id, s.idx, s.speaker, s.heading_path, s.start, s."end", s.search_config,
                        CASE s.search_config WHEN 'fieldwork_sv' THEN q.sv WHEN 'fieldwork_en' THEN q.en ELSE q.simple END AS query,
                        s.words
                    FROM segment s, q
                    WHERE s.words @@ q.sv OR s.words @@ q.en OR s.words @@ q.simple
                )
                SELECT h.document_id, d.title, h.idx, h.speaker, h.heading_path::text, h.start, h."end",
                    substr(d.plain_text, h.start::integer + 1, (h."end" - h.start)::integer) AS text,
                    -ts_rank_cd(h.words, h.query)::double precision AS rank,
                    ts_headline(h.search_config::regconfig, substr(d.plain_text, h.start::integer + 1, (h."end" - h.start)::integer),
                                h.query, \(options)) AS snippet
                FROM hits h JOIN document d ON d.id = h.document_id
                WHERE h.words @@ h.query
                ORDER BY rank, h.document_id COLLATE "C", h.idx
                LIMIT \(fetchLimit)
                """, logger)
            var hits: [SearchHit] = []
            for row in rows where hits.count < query.limit {
                let body: String = try row.get("text")
                guard query.acceptsDiacritics(of: body) else { continue }
                hits.append(SearchHit(
                    documentID: try row.get("document_id"), documentTitle: try row.get("title"),
                    segmentIndex: try row.get("idx"), speaker: try row.get("speaker"),
                    heading: Segment.headingLine(try row.json("heading_path", default: [String]())),
                    start: try row.get("start"), end: try row.get("end"),
                    snippet: Self.snippet(try row.get("snippet"), of: body),
                    rank: try row.get("rank")))
            }
            return hits
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

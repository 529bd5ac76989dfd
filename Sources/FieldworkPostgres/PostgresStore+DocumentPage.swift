import FieldworkCore
import PostgresNIO

extension PostgresStore {
    /// `DocumentFilter.matches` in SQL (see the SQLite store); a missing field matches everything.
    /// Its values are binds $1…$5, so each query below can append its own after them.
    private static let filterClause = """
        ($1::text IS NULL OR d.type = $1) AND ($2::text IS NULL OR d.language = $2)
        AND ($3::text IS NULL OR d.administrations @> jsonb_build_array($3::text))
        AND ($4::text IS NULL OR strpos(lower(d.title), $5) > 0 OR strpos(d.id, $4) > 0)
        """

    private static func filterBinds(_ filter: DocumentFilter) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(filter.type)
        binds.append(filter.language)
        binds.append(filter.administration)
        binds.append(filter.text)
        binds.append(filter.text?.lowercased())
        return binds
    }

    public func documents(_ filter: DocumentFilter, offset: Int, limit: Int) async throws -> DocumentPage {
        try await read { connection in
            let binds = Self.filterBinds(filter)
            let matching: Int = try await connection.row(PostgresQuery(
                unsafeSQL: "SELECT COUNT(*) AS n FROM document d WHERE \(Self.filterClause)", binds: binds), logger)?.get("n") ?? 0
            // Only the page's rows pay for their counts and participants.
            var pageBinds = binds
            pageBinds.append(max(0, limit))
            pageBinds.append(max(0, offset))
            let rows = try await connection.rows(PostgresQuery(unsafeSQL: """
                SELECT d.id, d.path, d.type, d.title, d.date, d.language, d.interviewer, d.administrations::text, d.media,
                    (SELECT COUNT(*) FROM segment s WHERE s.document_id = d.id) AS segment_count,
                    (SELECT COUNT(*) FROM coding c WHERE c.document_id = d.id AND c.removed_at IS NULL) AS coding_count,
                    \(Self.participantsColumn)
                FROM (SELECT d.id FROM document d WHERE \(Self.filterClause)
                      ORDER BY d.date COLLATE "C" NULLS FIRST, d.id COLLATE "C" LIMIT $6 OFFSET $7) page
                JOIN document d ON d.id = page.id
                ORDER BY d.date COLLATE "C" NULLS FIRST, d.id COLLATE "C"
                """, binds: pageBinds), logger)
            let summaries = try rows.map { row in
                DocumentSummary(metadata: try Self.metadata(from: row), path: try row.get("path"),
                                segments: try row.get("segment_count"), codings: try row.get("coding_count"))
            }
            let total: Int = try await connection.row("SELECT COUNT(*) AS n FROM document", logger)?.get("n") ?? 0
            let languages = try await connection.rows("""
                SELECT DISTINCT language COLLATE "C" AS language FROM document WHERE language IS NOT NULL ORDER BY 1
                """, logger).map { try $0.get("language", as: String.self) }
            return DocumentPage(summaries: summaries, matching: matching, total: total, languages: languages)
        }
    }

    public func codingCoverage(documentIDs: [String]) async throws -> [String: CodingCoverage] {
        guard !documentIDs.isEmpty else { return [:] }
        return try await read { connection in
            var binds = PostgresBindings()
            binds.append(documentIDs)
            var coverage: [String: CodingCoverage] = [:]
            for row in try await connection.rows(PostgresQuery(unsafeSQL: """
                SELECT document_id, SUM("end" - start)::bigint AS length FROM segment
                WHERE document_id = ANY($1::text[]) GROUP BY document_id
                """, binds: binds), logger) {
                coverage[try row.get("document_id", as: String.self), default: CodingCoverage()].segmentLength = try row.get("length")
            }
            for row in try await connection.rows(PostgresQuery(unsafeSQL: """
                SELECT document_id, start, "end" FROM coding
                WHERE document_id = ANY($1::text[]) AND status = 'anchored' AND removed_at IS NULL
                """, binds: binds), logger) {
                let start: Int = try row.get("start")
                let end: Int = try row.get("end")
                coverage[try row.get("document_id", as: String.self), default: CodingCoverage()].spans.append(start..<max(start, end))
            }
            return coverage
        }
    }
}

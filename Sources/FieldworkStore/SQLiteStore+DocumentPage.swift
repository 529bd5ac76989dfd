import FieldworkCore
import GRDB

extension SQLiteStore {
    /// The columns of a `DocumentSummary` for `document d` (counts and participants per row).
    static let summaryColumns = """
        d.id, d.path, d.type, d.title, d.date, d.language, d.interviewer, d.administrations, d.media,
            (SELECT COUNT(*) FROM segment s WHERE s.document_id = d.id) AS segment_count,
            (SELECT COUNT(*) FROM coding c WHERE c.document_id = d.id AND c.removed_at IS NULL) AS coding_count,
            (SELECT json_group_array(participant_id) FROM
                (SELECT participant_id FROM document_participant p WHERE p.document_id = d.id ORDER BY position)
            ) AS participants
        """

    static func summary(from row: Row) throws -> DocumentSummary {
        DocumentSummary(metadata: try DocumentRow.metadata(from: row), path: row["path"],
                        segments: row["segment_count"], codings: row["coding_count"])
    }

    /// `DocumentFilter.matches` in SQL; a missing field matches everything. The title is lowered by
    /// GRDB's `swiftLowercaseString` (Swift's `lowercased()`, so `Å` finds `å` as in Swift).
    private static let filterClause = """
        (:type IS NULL OR d.type = :type) AND (:language IS NULL OR d.language = :language)
        AND (:administration IS NULL OR EXISTS (SELECT 1 FROM json_each(d.administrations) WHERE value = :administration))
        AND (:text IS NULL OR instr(swiftLowercaseString(d.title), :lowered) > 0 OR instr(d.id, :text) > 0)
        """

    public func documents(_ filter: DocumentFilter, offset: Int, limit: Int) async throws -> DocumentPage {
        let arguments: StatementArguments = ["type": filter.type, "language": filter.language,
                                             "administration": filter.administration, "text": filter.text,
                                             "lowered": filter.text?.lowercased()]
        return try await writer.read { db in
            let matching = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document d WHERE \(Self.filterClause)",
                                            arguments: arguments) ?? 0
            // Only the page's rows pay for their counts and participants.
            var pageArguments = arguments
            pageArguments += ["limit": max(0, limit), "offset": max(0, offset)]
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.summaryColumns)
                FROM (SELECT d.id FROM document d WHERE \(Self.filterClause) ORDER BY d.date, d.id LIMIT :limit OFFSET :offset) page
                JOIN document d ON d.id = page.id
                ORDER BY d.date, d.id
                """, arguments: pageArguments)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0
            let languages = try String.fetchAll(db, sql: "SELECT DISTINCT language FROM document WHERE language IS NOT NULL ORDER BY language")
            return DocumentPage(summaries: try rows.map(Self.summary(from:)), matching: matching, total: total, languages: languages)
        }
    }

    public func codingCoverage(documentIDs: [String]) async throws -> [String: CodingCoverage] {
        guard !documentIDs.isEmpty else { return [:] }
        return try await writer.read { db in
            var coverage: [String: CodingCoverage] = [:]
            let ids = StatementArguments(documentIDs)
            let list = databaseQuestionMarks(count: documentIDs.count)
            let lengths = try Row.fetchCursor(db, sql: """
                SELECT document_id, SUM("end" - start) FROM segment WHERE document_id IN (\(list)) GROUP BY document_id
                """, arguments: ids)
            while let row = try lengths.next() { coverage[row[0], default: CodingCoverage()].segmentLength = row[1] }
            let spans = try Row.fetchCursor(db, sql: """
                SELECT document_id, start, "end" FROM coding
                WHERE document_id IN (\(list)) AND status = 'anchored' AND removed_at IS NULL
                """, arguments: ids)
            while let row = try spans.next() {
                let start: Int = row[1]
                coverage[row[0], default: CodingCoverage()].spans.append(start..<max(start, row[2]))
            }
            return coverage
        }
    }
}

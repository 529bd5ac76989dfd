import FieldworkCore
import Foundation
import Logging
import PostgresNIO

/// Maps `Coding` to and from the `coding` table (as `CodingRow` does for SQLite).
enum PostgresCodingRow {
    static let columns = """
        id, document_id, code_id, coder, memo, start, "end", quote, prefix, suffix, status, anchor_method,
        created_at, updated_at, version, updated_by
        """

    static func fetchCodings(_ connection: PostgresConnection, _ logger: Logger, filter: CodingFilter) async throws -> [Coding] {
        var clauses = ["removed_at IS NULL"]
        var binds = PostgresBindings()
        func bind(_ value: some PostgresDynamicTypeEncodable) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let documentID = filter.documentID { clauses.append("document_id = \(bind(documentID))") }
        if let codeIDs = filter.codeIDs { clauses.append("code_id = ANY(\(bind(codeIDs)))") }
        if let coder = filter.coder { clauses.append("coder = \(bind(coder))") }
        if let status = filter.status { clauses.append("status = \(bind(status.rawValue))") }
        let sql = "SELECT \(columns) FROM coding WHERE \(clauses.joined(separator: " AND ")) ORDER BY document_id COLLATE \"C\", start, id COLLATE \"C\""
        return try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds), logger).map(coding(from:))
    }

    static func fetchOne(_ connection: PostgresConnection, _ logger: Logger, id: String) async throws -> Coding? {
        try await connection.row(
            "SELECT \(unescaped: columns) FROM coding WHERE id = \(id) AND removed_at IS NULL", logger).map(coding(from:))
    }

    /// A live coding by id for a change (its old state, for the history), or `StoreError.notFound`.
    static func fetchLive(_ connection: PostgresConnection, _ logger: Logger, id: String) async throws -> Coding {
        guard let coding = try await fetchOne(connection, logger, id: id) else { throw StoreError.notFound("coding \(id)") }
        return coding
    }

    static func coding(from row: PostgresRandomAccessRow) throws -> Coding {
        Coding(
            id: try row.get("id"), documentID: try row.get("document_id"), codeID: try row.get("code_id"),
            coder: try row.get("coder"), memo: try row.get("memo"),
            anchor: TextQuoteAnchor(quote: try row.get("quote"), prefix: try row.get("prefix"), suffix: try row.get("suffix"),
                                    start: try row.get("start"), end: try row.get("end")),
            status: try row.value("status", of: "coding"),
            anchorMethod: (try row.get("anchor_method", as: String?.self)).flatMap(AnchorMethod.init(rawValue:)),
            createdAt: try row.date("created_at", of: "coding"),
            updatedAt: try row.optionalDate("updated_at", of: "coding"), updatedBy: try row.get("updated_by"),
            version: try row.get("version"))
    }

    /// The id of a live, anchored coding with the same document, span, code and coder, if any.
    static func duplicate(of coding: Coding, _ connection: PostgresConnection, _ logger: Logger) async throws -> String? {
        try await connection.row("""
            SELECT id FROM coding
            WHERE document_id = \(coding.documentID) AND start = \(coding.start) AND "end" = \(coding.end)
                AND code_id = \(coding.codeID) AND coder = \(coding.coder)
                AND status = 'anchored' AND removed_at IS NULL AND id <> \(coding.id)
            LIMIT 1
            """, logger)?.get("id")
    }

    static func insert(_ coding: Coding, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            INSERT INTO coding (\(unescaped: columns))
            VALUES (\(coding.id), \(coding.documentID), \(coding.codeID), \(coding.coder), \(coding.memo),
                    \(coding.anchor.start), \(coding.anchor.end), \(coding.anchor.quote), \(coding.anchor.prefix),
                    \(coding.anchor.suffix), \(coding.status.rawValue), \(coding.anchorMethod?.rawValue),
                    \(PostgresTimestamp.text(coding.createdAt)), \(PostgresTimestamp.text(coding.updatedAt)),
                    \(coding.version), \(coding.updatedBy))
            """, logger)
    }

    /// Overwrites every mutable field of the row `coding.id`.
    static func write(_ coding: Coding, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            UPDATE coding SET document_id = \(coding.documentID), code_id = \(coding.codeID), coder = \(coding.coder),
                memo = \(coding.memo), start = \(coding.anchor.start), "end" = \(coding.anchor.end),
                quote = \(coding.anchor.quote), prefix = \(coding.anchor.prefix), suffix = \(coding.anchor.suffix),
                status = \(coding.status.rawValue), anchor_method = \(coding.anchorMethod?.rawValue),
                updated_at = \(PostgresTimestamp.text(coding.updatedAt)), version = \(coding.version),
                updated_by = \(coding.updatedBy)
            WHERE id = \(coding.id)
            """, logger)
    }
}

/// Maps `CodingEvent` to and from the append-only `coding_event` table, written inside the
/// transaction of the change it describes.
enum PostgresCodingEventRow {
    static func append(_ event: CodingEvent, _ connection: PostgresConnection, _ logger: Logger) async throws {
        try await connection.run("""
            INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, memo_changed, old_start, old_end,
                                      new_start, new_end, method, source, version)
            VALUES (\(event.codingID), \(event.kind.rawValue), \(PostgresTimestamp.text(event.at)), \(event.by),
                    \(event.oldCode), \(event.newCode), \(event.memoChanged), \(event.oldSpan?.lowerBound),
                    \(event.oldSpan?.upperBound), \(event.newSpan.lowerBound), \(event.newSpan.upperBound),
                    \(event.method?.rawValue), \(event.source), \(event.version))
            """, logger)
    }

    /// The history of one coding in the order this database learned it; nil if no such coding.
    static func history(of codingID: String, _ connection: PostgresConnection, _ logger: Logger) async throws -> [CodingEvent]? {
        guard try await connection.row("SELECT 1 AS found FROM coding WHERE id = \(codingID)", logger) != nil else { return nil }
        return try await connection.rows("""
            SELECT coding_id, kind, at, by, old_code, new_code, memo_changed, old_start, old_end, new_start, new_end,
                method, source, version
            FROM coding_event WHERE coding_id = \(codingID) ORDER BY id
            """, logger).map { row in
            let oldStart: Int? = try row.get("old_start")
            let oldEnd: Int? = try row.get("old_end")
            let newStart: Int = try row.get("new_start")
            let newEnd: Int = try row.get("new_end")
            return CodingEvent(
                codingID: try row.get("coding_id"), kind: try row.value("kind", of: "coding_event"),
                at: try row.date("at", of: "coding_event"), by: try row.get("by"),
                oldCode: try row.get("old_code"), newCode: try row.get("new_code"), memoChanged: try row.get("memo_changed"),
                oldSpan: oldStart.flatMap { start in oldEnd.map { start..<max(start, $0) } },
                newSpan: newStart..<max(newStart, newEnd),
                method: (try row.get("method", as: String?.self)).flatMap(AnchorMethod.init(rawValue:)),
                source: try row.get("source"), version: try row.get("version"))
        }
    }

    /// A merge event for every coding (removed ones too) whose code `old` is folded into `new`,
    /// written before the codings themselves change.
    static func appendMerge(from old: String, into new: String, at: Date, _ connection: PostgresConnection,
                            _ logger: Logger) async throws {
        try await connection.run("""
            INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, new_start, new_end, version)
            SELECT id, 'merged', \(PostgresTimestamp.text(at)), \(CodingEvent.ingest), code_id, \(new), start, "end", version + 1
            FROM coding WHERE code_id = \(old) ORDER BY id
            """, logger)
    }
}

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
        guard let coding = try await fetchOne(connection, logger, id: id) else { throw StoreError.notFound("coding '\(id)'") }
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

    /// Binds `coding`'s values in the order of `columns`; returns their placeholders (`$1, $2, …`).
    static func values(_ coding: Coding, _ binds: inout PostgresBindings) -> String {
        [binds.placeholder(coding.id), binds.placeholder(coding.documentID), binds.placeholder(coding.codeID),
         binds.placeholder(coding.coder), binds.placeholder(coding.memo), binds.placeholder(coding.anchor.start),
         binds.placeholder(coding.anchor.end), binds.placeholder(coding.anchor.quote), binds.placeholder(coding.anchor.prefix),
         binds.placeholder(coding.anchor.suffix), binds.placeholder(coding.status.rawValue),
         binds.placeholder(coding.anchorMethod?.rawValue), binds.placeholder(PostgresTimestamp.text(coding.createdAt)),
         binds.placeholder(PostgresTimestamp.text(coding.updatedAt)), binds.placeholder(coding.version),
         binds.placeholder(coding.updatedBy)].joined(separator: ", ")
    }

    static func insert(_ coding: Coding, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var binds = PostgresBindings()
        let values = values(coding, &binds)
        try await connection.run(PostgresQuery(unsafeSQL: "INSERT INTO coding (\(columns)) VALUES (\(values))", binds: binds), logger)
    }

    /// A new coding and the first event of its history, in one statement (one round trip where
    /// the duplicate check, the insert and the event took three), unless a live, anchored coding
    /// with the same document, span, code and coder exists: then nothing is written and that
    /// coding's id is returned.
    static func insertUnlessDuplicate(_ coding: Coding, event: CodingEvent, _ connection: PostgresConnection,
                                      _ logger: Logger) async throws -> String? {
        var binds = PostgresBindings()
        let existing = duplicate(of: coding, &binds)
        let values = values(coding, &binds)
        let eventValues = PostgresCodingEventRow.values(event, &binds)
        // The INSERTs in WITH run once whether or not the final SELECT reads them; each sees the
        // transaction's earlier writes (a batch's), as the separate statements did.
        let sql = """
            WITH existing AS (\(existing)),
            added AS (
                INSERT INTO coding (\(columns)) SELECT \(values) WHERE NOT EXISTS (SELECT 1 FROM existing) RETURNING id
            ),
            history AS (
                INSERT INTO coding_event (\(PostgresCodingEventRow.columns)) SELECT \(eventValues) FROM added
            )
            SELECT (SELECT id FROM existing) AS existing
            """
        return try await connection.row(PostgresQuery(unsafeSQL: sql, binds: binds), logger)?.get("existing", as: String?.self) ?? nil
    }

    /// Overwrites every mutable field of the row `coding.id`.
    static func write(_ coding: Coding, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var binds = PostgresBindings()
        let sql = "UPDATE coding SET \(assignments(coding, &binds)) WHERE id = \(binds.placeholder(coding.id))"
        try await connection.run(PostgresQuery(unsafeSQL: sql, binds: binds), logger)
    }

    /// `write` and the change's event in one statement: one round trip where they took two.
    static func write(_ coding: Coding, event: CodingEvent, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var binds = PostgresBindings()
        let assignments = assignments(coding, &binds)
        try await PostgresCodingEventRow.change(setting: assignments, id: coding.id, event: event, &binds, connection, logger)
    }

    /// Marks the live coding `id` removed (its version one up) and appends the removal's event, in one statement.
    /// The live coding on the same words with the same code by the same coder, other than `coding` itself.
    private static func duplicate(of coding: Coding, _ binds: inout PostgresBindings) -> String {
        """
        SELECT id FROM coding
        WHERE document_id = \(binds.placeholder(coding.documentID)) AND start = \(binds.placeholder(coding.start))
            AND "end" = \(binds.placeholder(coding.end)) AND code_id = \(binds.placeholder(coding.codeID))
            AND coder = \(binds.placeholder(coding.coder)) AND status = 'anchored' AND removed_at IS NULL
            AND id <> \(binds.placeholder(coding.id))
        LIMIT 1
        """
    }

    /// A removed coding by id, to bring it back; `StoreError.notFound`, or a conflict when it is live.
    static func fetchRemoved(_ connection: PostgresConnection, _ logger: Logger, id: String) async throws -> Coding {
        guard let row = try await connection.row(
            "SELECT \(unescaped: columns), removed_at IS NOT NULL AS removed FROM coding WHERE id = \(id)", logger) else {
            throw StoreError.notFound("coding '\(id)'")
        }
        guard try row.get("removed", as: Bool.self) else { throw StoreError.conflict("coding '\(id)' is not removed") }
        return try coding(from: row)
    }

    /// Live again as `coding` (its place, version and who restored it), unless the same coding (document, span, code, coder) is live beside it: then
    /// `StoreError.duplicateCoding`, as for a new one.
    static func restore(_ coding: Coding, event: CodingEvent, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var binds = PostgresBindings()
        let existing = duplicate(of: coding, &binds)
        if let duplicate = try await connection.row(PostgresQuery(unsafeSQL: existing, binds: binds), logger) {
            throw StoreError.duplicateCoding(existingID: try duplicate.get("id"))
        }
        var change = PostgresBindings()
        let assignments = assignments(coding, &change) + ", removed_at = NULL, removed_by = NULL"
        try await PostgresCodingEventRow.change(setting: assignments, id: coding.id, event: event, &change, connection, logger)
    }

    static func remove(id: String, by coder: String, at time: Date, event: CodingEvent, _ connection: PostgresConnection,
                       _ logger: Logger) async throws {
        var binds = PostgresBindings()
        let assignments = "removed_at = \(binds.placeholder(PostgresTimestamp.text(time))), removed_by = \(binds.placeholder(coder)), "
            + "version = version + 1"
        try await PostgresCodingEventRow.change(setting: assignments, id: id, event: event, &binds, connection, logger)
    }

    /// `SET` of every column but the id (a removal's columns are not among them), bound in `binds`.
    private static func assignments(_ coding: Coding, _ binds: inout PostgresBindings) -> String {
        """
        document_id = \(binds.placeholder(coding.documentID)), code_id = \(binds.placeholder(coding.codeID)),
            coder = \(binds.placeholder(coding.coder)), memo = \(binds.placeholder(coding.memo)),
            start = \(binds.placeholder(coding.anchor.start)), "end" = \(binds.placeholder(coding.anchor.end)),
            quote = \(binds.placeholder(coding.anchor.quote)), prefix = \(binds.placeholder(coding.anchor.prefix)),
            suffix = \(binds.placeholder(coding.anchor.suffix)), status = \(binds.placeholder(coding.status.rawValue)),
            anchor_method = \(binds.placeholder(coding.anchorMethod?.rawValue)),
            updated_at = \(binds.placeholder(PostgresTimestamp.text(coding.updatedAt))), version = \(binds.placeholder(coding.version)),
            updated_by = \(binds.placeholder(coding.updatedBy))
        """
    }
}

extension PostgresBindings {
    /// Binds `value` (NULL for nil) and returns its placeholder, `$n`: for statements put
    /// together from parts.
    mutating func placeholder<Value: PostgresDynamicTypeEncodable>(_ value: Value?) -> String {
        append(value)
        return "$\(count)"
    }
}

/// Maps `CodingEvent` to and from the append-only `coding_event` table, written inside the
/// transaction of the change it describes.
enum PostgresCodingEventRow {
    static let columns = """
        coding_id, kind, at, by, old_code, new_code, memo_changed, old_start, old_end, new_start, new_end, method, source, version
        """

    /// Binds `event`'s values in the order of `columns`; returns their placeholders.
    static func values(_ event: CodingEvent, _ binds: inout PostgresBindings) -> String {
        [binds.placeholder(event.codingID), binds.placeholder(event.kind.rawValue), binds.placeholder(PostgresTimestamp.text(event.at)),
         binds.placeholder(event.by), binds.placeholder(event.oldCode), binds.placeholder(event.newCode),
         binds.placeholder(event.memoChanged), binds.placeholder(event.oldSpan?.lowerBound), binds.placeholder(event.oldSpan?.upperBound),
         binds.placeholder(event.newSpan.lowerBound), binds.placeholder(event.newSpan.upperBound),
         binds.placeholder(event.method?.rawValue), binds.placeholder(event.source), binds.placeholder(event.version)]
            .joined(separator: ", ")
    }

    /// `UPDATE coding SET assignments WHERE id = …` and `event` in one statement (the INSERT in
    /// WITH runs once, for the row the UPDATE changed), so a change costs one round trip, not two.
    static func change(setting assignments: String, id: String, event: CodingEvent, _ binds: inout PostgresBindings,
                       _ connection: PostgresConnection, _ logger: Logger) async throws {
        let sql = """
            WITH changed AS (UPDATE coding SET \(assignments) WHERE id = \(binds.placeholder(id)) RETURNING id)
            INSERT INTO coding_event (\(columns)) SELECT \(values(event, &binds)) FROM changed
            """
        try await connection.run(PostgresQuery(unsafeSQL: sql, binds: binds), logger)
    }

    static func append(_ event: CodingEvent, _ connection: PostgresConnection, _ logger: Logger) async throws {
        var binds = PostgresBindings()
        let values = values(event, &binds)
        try await connection.run(PostgresQuery(unsafeSQL: "INSERT INTO coding_event (\(columns)) VALUES (\(values))", binds: binds), logger)
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

import FieldworkCore
import Foundation
import GRDB

/// Maps `Coding` to and from the `coding` table.
enum CodingRow {
    static let columns = """
        id, document_id, code_id, coder, memo, start, "end", quote, prefix, suffix, status, anchor_method,
        created_at, updated_at, version, updated_by
        """

    static func fetchCodings(_ db: Database, filter: CodingFilter) throws -> [Coding] {
        var clauses = ["removed_at IS NULL"]
        var arguments = StatementArguments()
        if let documentID = filter.documentID {
            clauses.append("document_id = ?")
            arguments += [documentID]
        }
        if let codeIDs = filter.codeIDs {
            clauses.append("code_id IN (\(databaseQuestionMarks(count: codeIDs.count)))")
            arguments += StatementArguments(codeIDs)
        }
        if let coder = filter.coder {
            clauses.append("coder = ?")
            arguments += [coder]
        }
        if let status = filter.status {
            clauses.append("status = ?")
            arguments += [status.rawValue]
        }
        let sql = "SELECT \(columns) FROM coding WHERE \(clauses.joined(separator: " AND ")) ORDER BY document_id, start, id"
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(coding(from:))
    }

    static func fetchOne(_ db: Database, id: String) throws -> Coding? {
        try Row.fetchOne(db, sql: "SELECT \(columns) FROM coding WHERE id = ? AND removed_at IS NULL", arguments: [id])
            .map(coding(from:))
    }

    /// A live coding by id for a change (its old state, for the history), or `StoreError.notFound`.
    static func fetchLive(_ db: Database, id: String) throws -> Coding {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM coding WHERE id = ? AND removed_at IS NULL")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { throw StoreError.notFound("coding \(id)") }
        return try coding(from: row)
    }

    static func coding(from row: Row) throws -> Coding {
        Coding(
            id: row["id"], documentID: row["document_id"], codeID: row["code_id"], coder: row["coder"],
            memo: row["memo"],
            anchor: TextQuoteAnchor(quote: row["quote"], prefix: row["prefix"], suffix: row["suffix"],
                                    start: row["start"], end: row["end"]),
            status: try row.value("status", of: "coding"),
            anchorMethod: (row["anchor_method"] as String?).flatMap(AnchorMethod.init(rawValue:)),
            createdAt: try row.date("created_at", of: "coding"),
            updatedAt: try row.optionalDate("updated_at", of: "coding"), updatedBy: row["updated_by"], version: row["version"])
    }

    /// The id of a live, anchored coding with the same document, span, code and coder, if any.
    static func duplicate(of coding: Coding, _ db: Database) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM coding
            WHERE document_id = ? AND start = ? AND "end" = ? AND code_id = ? AND coder = ?
                AND status = 'anchored' AND removed_at IS NULL AND id <> ?
            LIMIT 1
            """), arguments: [coding.documentID, coding.start, coding.end, coding.codeID, coding.coder, coding.id])
    }

    static func insert(_ coding: Coding, _ db: Database) throws {
        try db.cachedStatement(sql: insertSQL).execute(arguments: arguments(coding))
    }

    /// Overwrites every field of the row `coding.id` (a removal's columns are not among them).
    static func write(_ coding: Coding, _ db: Database) throws {
        try db.cachedStatement(sql: updateSQL).execute(arguments: arguments(coding))
        guard db.changesCount > 0 else {
            throw RecordError.recordNotFound(databaseTableName: "coding", key: ["id": coding.id.databaseValue])
        }
    }

    /// The columns `insert` and `write` set, the id first.
    private static let namedColumns = [
        "id", "document_id", "code_id", "coder", "memo", "start", "end", "quote", "prefix", "suffix", "status",
        "anchor_method", "created_at", "updated_at", "version", "updated_by",
    ]
    private static let insertSQL = "INSERT INTO coding (\(namedColumns.map { "\"\($0)\"" }.joined(separator: ", "))) "
        + "VALUES (\(namedColumns.map { ":" + $0 }.joined(separator: ", ")))"
    private static let updateSQL = "UPDATE coding SET \(namedColumns.dropFirst().map { "\"\($0)\" = :\($0)" }.joined(separator: ", ")) "
        + "WHERE id = :id"

    /// Every column by name, so no statement depends on the order of its arguments. Statements
    /// of their own, cached by the connection: GRDB's record `insert` and `update` built theirs
    /// (and a dictionary of the row) on every write, a measurable part of a coding write.
    private static func arguments(_ coding: Coding) -> StatementArguments {
        [
            "id": coding.id, "document_id": coding.documentID, "code_id": coding.codeID, "coder": coding.coder,
            "memo": coding.memo, "start": coding.anchor.start, "end": coding.anchor.end, "quote": coding.anchor.quote,
            "prefix": coding.anchor.prefix, "suffix": coding.anchor.suffix, "status": coding.status.rawValue,
            "anchor_method": coding.anchorMethod?.rawValue, "created_at": Timestamp.text(coding.createdAt),
            "updated_at": Timestamp.text(coding.updatedAt), "version": coding.version, "updated_by": coding.updatedBy,
        ]
    }
}

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
        return try Row.decodeAll(db, sql: sql, arguments: arguments, coding(from:))
    }

    static func fetchOne(_ db: Database, id: String) throws -> Coding? {
        try Row.decodeOne(db, sql: "SELECT \(columns) FROM coding WHERE id = ? AND removed_at IS NULL", arguments: [id], coding(from:))
    }

    /// A live coding by id for a change (its old state, for the history), or `StoreError.notFound`.
    static func fetchLive(_ db: Database, id: String) throws -> Coding {
        let statement = try db.cachedStatement(sql: "SELECT \(columns) FROM coding WHERE id = ? AND removed_at IS NULL")
        guard let coding = try Row.decodeOne(statement, arguments: [id], coding(from:)) else { throw StoreError.notFound("coding '\(id)'") }
        return coding
    }

    /// A removed coding by id, to bring it back; `StoreError.notFound`, or a conflict when it is live.
    static func fetchRemoved(_ db: Database, id: String) throws -> Coding {
        let statement = try db.cachedStatement(sql: "SELECT \(columns), removed_at IS NOT NULL AS removed FROM coding WHERE id = ?")
        guard let (coding, removed) = try Row.decodeOne(statement, arguments: [id], { row in (try CodingRow.coding(from: row), row["removed"] as Bool) }) else {
            throw StoreError.notFound("coding '\(id)'")
        }
        guard removed else { throw StoreError.conflict("coding '\(id)' is not removed") }
        return coding
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
    /// Through SQLite's C API: every coding write asks (`RawStatement.firstRow`).
    static func duplicate(of coding: Coding, _ db: Database) throws -> String? {
        let read = RawStatement(try db.cachedStatement(sql: """
            SELECT id FROM coding
            WHERE document_id = ? AND start = ? AND "end" = ? AND code_id = ? AND coder = ?
                AND status = 'anchored' AND removed_at IS NULL AND id <> ?
            LIMIT 1
            """), in: db)
        read.bind(1, coding.documentID)
        read.bind(2, coding.start)
        read.bind(3, coding.end)
        read.bind(4, coding.codeID)
        read.bind(5, coding.coder)
        read.bind(6, coding.id)
        return try read.firstRow { $0.text(0) } ?? nil
    }

    static func insert(_ coding: Coding, _ db: Database) throws {
        try bound(coding, to: RawStatement(db.cachedStatement(sql: insertSQL), in: db)).step()
    }

    /// Overwrites every field of the row `coding.id` (a removal's columns are not among them).
    static func write(_ coding: Coding, _ db: Database) throws {
        guard try bound(coding, to: RawStatement(db.cachedStatement(sql: updateSQL), in: db)).step() > 0 else {
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

    /// Every column by name, so no statement depends on the order of its arguments, bound through
    /// SQLite's C API into statements cached by the connection: GRDB's record methods built a
    /// statement and a dictionary of the row per write, and its named arguments (a dictionary
    /// matched against the statement's parameters) cost 4-5 times SQLite's own work for the
    /// INSERT (measured in session 16: 41-56 µs of the writer thread's CPU per coding write).
    private static func bound(_ coding: Coding, to statement: RawStatement) throws -> RawStatement {
        var bound = 0
        func bind(_ name: String, _ value: String?) throws { try statement.bind(name, value); bound += 1 }
        func bind(_ name: String, _ value: Int) throws { try statement.bind(name, value); bound += 1 }
        try bind(":id", coding.id)
        try bind(":document_id", coding.documentID)
        try bind(":code_id", coding.codeID)
        try bind(":coder", coding.coder)
        try bind(":memo", coding.memo)
        try bind(":start", coding.anchor.start)
        try bind(":end", coding.anchor.end)
        try bind(":quote", coding.anchor.quote)
        try bind(":prefix", coding.anchor.prefix)
        try bind(":suffix", coding.anchor.suffix)
        try bind(":status", coding.status.rawValue)
        try bind(":anchor_method", coding.anchorMethod?.rawValue)
        try bind(":created_at", Timestamp.text(coding.createdAt))
        try bind(":updated_at", Timestamp.text(coding.updatedAt))
        try bind(":version", coding.version)
        try bind(":updated_by", coding.updatedBy)
        // Each name exists (`bind` throws otherwise); none of the statement's may stay unbound.
        try statement.requireBound(bound)
        return statement
    }
}

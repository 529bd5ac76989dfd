import FieldworkCore
import Foundation
import GRDB

/// Maps `CodingEvent` to and from the append-only `coding_event` table. Events are written by
/// the store inside the transaction of the change they describe.
enum CodingEventRow {
    /// One INSERT through a cached statement, bound through SQLite's C API by name as the coding
    /// row is (`CodingRow`): GRDB's array of boxed arguments cost more than the row's own insert.
    static func append(_ event: CodingEvent, _ db: Database) throws {
        let statement = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, memo_changed, old_start, old_end,
                                      new_start, new_end, method, source, version)
            VALUES (:coding_id, :kind, :at, :by, :old_code, :new_code, :memo_changed, :old_start, :old_end,
                    :new_start, :new_end, :method, :source, :version)
            """), in: db)
        try statement.bind(":coding_id", event.codingID)
        try statement.bind(":kind", event.kind.rawValue)
        try statement.bind(":at", Timestamp.text(event.at))
        try statement.bind(":by", event.by)
        try statement.bind(":old_code", event.oldCode)
        try statement.bind(":new_code", event.newCode)
        try statement.bind(":memo_changed", event.memoChanged ? 1 : 0)
        try statement.bind(":old_start", event.oldSpan?.lowerBound)
        try statement.bind(":old_end", event.oldSpan?.upperBound)
        try statement.bind(":new_start", event.newSpan.lowerBound)
        try statement.bind(":new_end", event.newSpan.upperBound)
        try statement.bind(":method", event.method?.rawValue)
        try statement.bind(":source", event.source)
        try statement.bind(":version", event.version)
        // Each name exists (`bind` throws otherwise); none of the statement's may stay unbound.
        try statement.requireBound(14)
        try statement.step()
    }

    /// The history of one coding in the order this database learned it; nil if no such coding.
    static func history(of codingID: String, _ db: Database) throws -> [CodingEvent]? {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM coding WHERE id = ?)", arguments: [codingID]) == true else {
            return nil
        }
        return try Row.decodeAll(db, sql: "SELECT * FROM coding_event WHERE coding_id = ? ORDER BY id", arguments: [codingID]) { row in
            let oldStart: Int? = row["old_start"]
            let oldEnd: Int? = row["old_end"]
            let newStart: Int = row["new_start"]
            let newEnd: Int = row["new_end"]
            return CodingEvent(
                codingID: row["coding_id"], kind: try row.value("kind", of: "coding_event"),
                at: try row.date("at", of: "coding_event"), by: row["by"],
                oldCode: row["old_code"], newCode: row["new_code"], memoChanged: row["memo_changed"],
                oldSpan: oldStart.flatMap { start in oldEnd.map { start..<max(start, $0) } },
                newSpan: newStart..<max(newStart, newEnd),
                method: (row["method"] as String?).flatMap(AnchorMethod.init(rawValue:)),
                source: row["source"], version: row["version"])
        }
    }

    /// A merge event for every coding (removed ones too) whose code `old` is folded into `new`,
    /// written before the codings themselves change.
    static func appendMerge(from old: String, into new: String, at: Date, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, new_start, new_end, version)
            SELECT id, 'merged', ?, ?, code_id, ?, start, "end", version + 1 FROM coding WHERE code_id = ? ORDER BY id
            """, arguments: [Timestamp.text(at), CodingEvent.ingest, new, old])
    }
}

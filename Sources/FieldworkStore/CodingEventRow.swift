import FieldworkCore
import Foundation
import GRDB

/// Maps `CodingEvent` to and from the append-only `coding_event` table. Events are written by
/// the store inside the transaction of the change they describe.
enum CodingEventRow {
    /// One INSERT through a cached statement: the coding-write path stays one statement longer.
    static func append(_ event: CodingEvent, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, memo_changed, old_start, old_end,
                                      new_start, new_end, method, source, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            event.codingID, event.kind.rawValue, Timestamp.text(event.at), event.by, event.oldCode, event.newCode,
            event.memoChanged, event.oldSpan?.lowerBound, event.oldSpan?.upperBound, event.newSpan.lowerBound,
            event.newSpan.upperBound, event.method?.rawValue, event.source, event.version,
        ])
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

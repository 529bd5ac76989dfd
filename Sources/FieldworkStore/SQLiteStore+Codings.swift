import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func codings(_ filter: CodingFilter) async throws -> [Coding] {
        try await writer.read { db in try CodingRow.fetchCodings(db, filter: filter) }
    }

    public func codingCountsByCode() async throws -> [String: Int] {
        try await writer.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code_id, COUNT(*) FROM coding WHERE removed_at IS NULL GROUP BY code_id") {
                counts[row[0]] = row[1]
            }
            return counts
        }
    }

    public func coders() async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT coder FROM coding WHERE removed_at IS NULL ORDER BY coder")
        }
    }

    public func coding(id: String) async throws -> Coding? {
        try await writer.read { db in try CodingRow.fetchOne(db, id: id) }
    }

    public func insertCoding(_ coding: Coding) async throws {
        try await writer.write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE id = ?)",
                                    arguments: [coding.documentID]) == true else {
                throw StoreError.notFound("document \(coding.documentID)")
            }
            try CodingRow.insert(coding, db)
            try CodingEventRow.append(.between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), db)
        }
    }

    public func insertCoding(documentID: String, around span: Range<Int>, codeID: String,
                             build: @Sendable (NewCodingContext) throws -> Coding) async throws -> Coding {
        try await writer.write { db in
            guard let window = try DocumentRow.textWindow(documentID, around: span, db) else {
                throw StoreError.notFound("document \(documentID)")
            }
            let coding = try build(NewCodingContext(window: window, codeExists: try Self.codeExists(codeID, db)))
            if let existing = try CodingRow.duplicate(of: coding, db) { throw StoreError.duplicateCoding(existingID: existing) }
            try CodingRow.insert(coding, db)
            try CodingEventRow.append(.between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), db)
            return coding
        }
    }

    public func updateCoding(_ coding: Coding) async throws {
        try await writer.write { db in
            let old = try CodingRow.fetchLive(db, id: coding.id)
            guard old.version == coding.version - 1 else {
                throw StoreError.staleVersion(id: coding.id, expected: coding.version - 1, actual: old.version)
            }
            try CodingRow.write(coding, db)
            let placed = old.anchor.span != coding.anchor.span || old.status != coding.status
            try CodingEventRow.append(.between(old, coding, kind: placed ? .reattached : .changed, at: coding.updatedAt,
                                               by: coding.updatedBy ?? coding.coder), db)
        }
    }

    public func codingHistory(id: String) async throws -> [CodingEvent]? {
        try await writer.read { db in try CodingEventRow.history(of: id, db) }
    }

    public func removeCoding(id: String, by coder: String, expectedVersion: Int?) async throws {
        try await writer.write { db in
            let old = try CodingRow.fetchLive(db, id: id)
            if let expectedVersion, expectedVersion != old.version {
                throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: old.version)
            }
            let now = Coding.timestamp()
            try db.execute(sql: """
                UPDATE coding SET removed_at = ?, removed_by = ?, version = version + 1 WHERE id = ?
                """, arguments: [Timestamp.text(now), coder, id])
            try CodingEventRow.append(.between(old, old, kind: .removed, at: now, by: coder, version: old.version + 1), db)
        }
    }

    /// Tables whose rows carry an optimistic version and are removed softly.
    enum VersionedTable: String {
        case coding
        case memo
    }

    /// The version of a live (not removed) row, or `StoreError.notFound`.
    func storedVersion(of id: String, in table: VersionedTable, _ db: Database) throws -> Int {
        guard let version = try Int.fetchOne(
            db, sql: "SELECT version FROM \(table.rawValue) WHERE id = ? AND removed_at IS NULL", arguments: [id]) else {
            throw StoreError.notFound("\(table.rawValue) \(id)")
        }
        return version
    }
}

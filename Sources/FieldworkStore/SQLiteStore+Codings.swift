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
                throw StoreError.notFound("document '\(coding.documentID)'")
            }
            try CodingRow.insert(coding, db)
            try CodingEventRow.append(.between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), db)
        }
    }

    public func codingHistory(id: String) async throws -> [CodingEvent]? {
        try await writer.read { db in try CodingEventRow.history(of: id, db) }
    }

    public func codingIDs(beginningWith prefix: String, includingRemoved: Bool, limit: Int) async throws -> [String] {
        try await writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT id FROM coding WHERE substr(id, 1, length(?1)) = ?1 \(includingRemoved ? "" : "AND removed_at IS NULL")
                ORDER BY id LIMIT ?2
                """, arguments: [prefix, limit])
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
            throw StoreError.notFound("\(table.rawValue) '\(id)'")
        }
        return version
    }
}

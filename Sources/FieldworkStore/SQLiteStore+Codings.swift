import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func codings(_ filter: CodingFilter) async throws -> [Coding] {
        try await writer.read { db in try CodingRow.fetchCodings(db, filter: filter) }
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
            return coding
        }
    }

    public func updateCoding(_ coding: Coding) async throws {
        try await writer.write { db in
            let stored = try storedVersion(of: coding.id, in: .coding, db)
            guard stored == coding.version - 1 else {
                throw StoreError.staleVersion(id: coding.id, expected: coding.version - 1, actual: stored)
            }
            try CodingRow.write(coding, db)
        }
    }

    public func removeCoding(id: String, by coder: String, expectedVersion: Int?) async throws {
        try await writer.write { db in
            let stored = try storedVersion(of: id, in: .coding, db)
            if let expectedVersion, expectedVersion != stored {
                throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: stored)
            }
            try db.execute(sql: """
                UPDATE coding SET removed_at = ?, removed_by = ?, version = version + 1 WHERE id = ?
                """, arguments: [Timestamp.text(Date()), coder, id])
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

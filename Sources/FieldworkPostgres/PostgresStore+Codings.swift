import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func codings(_ filter: CodingFilter) async throws -> [Coding] {
        try await read { connection in try await PostgresCodingRow.fetchCodings(connection, logger, filter: filter) }
    }

    public func codingCountsByCode() async throws -> [String: Int] {
        try await read { connection in
            var counts: [String: Int] = [:]
            for row in try await connection.rows(
                "SELECT code_id, COUNT(*) AS n FROM coding WHERE removed_at IS NULL GROUP BY code_id", logger) {
                counts[try row.get("code_id")] = try row.get("n")
            }
            return counts
        }
    }

    public func coders() async throws -> [String] {
        try await read { connection in
            // COLLATE "C": byte order, as SQLite sorts text.
            try await connection.rows(
                #"SELECT DISTINCT coder COLLATE "C" AS coder FROM coding WHERE removed_at IS NULL ORDER BY 1"#, logger)
                .map { try $0.get("coder") }
        }
    }

    public func coding(id: String) async throws -> Coding? {
        try await read { connection in try await PostgresCodingRow.fetchOne(connection, logger, id: id) }
    }

    public func insertCoding(_ coding: Coding) async throws {
        try await write { connection in
            guard try await connection.row("SELECT 1 AS found FROM document WHERE id = \(coding.documentID)", logger) != nil else {
                throw StoreError.notFound("document '\(coding.documentID)'")
            }
            try await PostgresCodingRow.insert(coding, connection, logger)
            try await PostgresCodingEventRow.append(
                .between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), connection, logger)
        }
    }

    public func codingHistory(id: String) async throws -> [CodingEvent]? {
        try await read { connection in try await PostgresCodingEventRow.history(of: id, connection, logger) }
    }

    public func codingIDs(beginningWith prefix: String, includingRemoved: Bool, limit: Int) async throws -> [String] {
        try await read { connection in
            // COLLATE "C": byte order, as SQLite sorts text.
            let query: PostgresQuery = includingRemoved
                ? #"SELECT id FROM coding WHERE starts_with(id, \#(prefix)) ORDER BY id COLLATE "C" LIMIT \#(limit)"#
                : #"SELECT id FROM coding WHERE starts_with(id, \#(prefix)) AND removed_at IS NULL ORDER BY id COLLATE "C" LIMIT \#(limit)"#
            return try await connection.rows(query, logger).map { try $0.get("id") }
        }
    }

    public func counts() async throws -> WorkspaceCounts {
        try await read { connection in
            guard let row = try await connection.row("""
                SELECT (SELECT COUNT(*) FROM document) AS documents, (SELECT COUNT(*) FROM segment) AS segments,
                    (SELECT COUNT(*) FROM code) AS codes,
                    (SELECT COUNT(*) FROM coding WHERE removed_at IS NULL) AS codings,
                    (SELECT COUNT(*) FROM coding WHERE removed_at IS NULL AND status = 'orphaned') AS orphans,
                    (SELECT COUNT(*) FROM participant) AS participants
                """, logger) else { return WorkspaceCounts() }
            var counts = WorkspaceCounts()
            counts.documents = try row.get("documents")
            counts.segments = try row.get("segments")
            counts.codes = try row.get("codes")
            counts.codings = try row.get("codings")
            counts.orphans = try row.get("orphans")
            counts.participants = try row.get("participants")
            return counts
        }
    }
}

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
                throw StoreError.notFound("document \(coding.documentID)")
            }
            try await PostgresCodingRow.insert(coding, connection, logger)
            try await PostgresCodingEventRow.append(
                .between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), connection, logger)
        }
    }

    public func insertCoding(documentID: String, around span: Range<Int>, codeID: String,
                             build: @Sendable (NewCodingContext) throws -> Coding) async throws -> Coding {
        try await write { connection in
            guard let window = try await Self.textWindow(documentID, around: span, connection, logger, lock: true) else {
                throw StoreError.notFound("document \(documentID)")
            }
            let coding = try build(NewCodingContext(window: window, codeExists: try await codeExists(codeID, connection)))
            if let existing = try await PostgresCodingRow.duplicate(of: coding, connection, logger) {
                throw StoreError.duplicateCoding(existingID: existing)
            }
            try await PostgresCodingRow.insert(coding, connection, logger)
            try await PostgresCodingEventRow.append(
                .between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), connection, logger)
            return coding
        }
    }

    public func updateCoding(_ coding: Coding) async throws {
        try await write { connection in
            let old = try await PostgresCodingRow.fetchLive(connection, logger, id: coding.id)
            guard old.version == coding.version - 1 else {
                throw StoreError.staleVersion(id: coding.id, expected: coding.version - 1, actual: old.version)
            }
            try await PostgresCodingRow.write(coding, connection, logger)
            let placed = old.anchor.span != coding.anchor.span || old.status != coding.status
            try await PostgresCodingEventRow.append(
                .between(old, coding, kind: placed ? .reattached : .changed, at: coding.updatedAt,
                         by: coding.updatedBy ?? coding.coder), connection, logger)
        }
    }

    public func codingHistory(id: String) async throws -> [CodingEvent]? {
        try await read { connection in try await PostgresCodingEventRow.history(of: id, connection, logger) }
    }

    public func removeCoding(id: String, by coder: String, expectedVersion: Int?) async throws {
        try await write { connection in
            let old = try await PostgresCodingRow.fetchLive(connection, logger, id: id)
            if let expectedVersion, expectedVersion != old.version {
                throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: old.version)
            }
            let now = Coding.timestamp()
            try await connection.run("""
                UPDATE coding SET removed_at = \(PostgresTimestamp.text(now)), removed_by = \(coder), version = version + 1
                WHERE id = \(id)
                """, logger)
            try await PostgresCodingEventRow.append(
                .between(old, old, kind: .removed, at: now, by: coder, version: old.version + 1), connection, logger)
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

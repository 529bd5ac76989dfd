import FieldworkCore
import Foundation
import PostgresNIO

/// Coding writes, alone or as a group commit: many requests' writes in one transaction (one
/// turn of the writer's lock, one COMMIT and its WAL flush) instead of one each.
extension PostgresStore {
    public func writeCodings(_ writes: [CodingWrite]) async throws -> [CodingWriteResult] {
        // A lone write needs no savepoint: its failure rolls back a transaction that holds only it.
        if writes.count == 1 {
            do {
                return [.success(try await write { connection in try await apply(writes[0], connection) })]
            } catch {
                return [.failure(error)]
            }
        }
        return try await write { connection in
            var results: [CodingWriteResult] = []
            for write in writes {
                // A failed statement spoils the whole transaction in PostgreSQL unless it is
                // rolled back to a savepoint: each write has its own.
                try await connection.run("SAVEPOINT coding", logger)
                do {
                    let written = try await PostgresServerError.mapping { try await apply(write, connection) }
                    try await connection.run("RELEASE SAVEPOINT coding", logger)
                    results.append(.success(written))
                } catch {
                    try await connection.run("ROLLBACK TO SAVEPOINT coding", logger)
                    try await connection.run("RELEASE SAVEPOINT coding", logger)
                    results.append(.failure(error))
                }
            }
            return results
        }
    }

    /// An insert reads its document's `ConsentBasis` in the round trip that reads the text; the
    /// other writes answer without one (their answer reads the document).
    private func apply(_ write: CodingWrite, _ connection: PostgresConnection) async throws -> WrittenCoding {
        switch write {
        case .insert(let documentID, let span, let codeID, let build):
            // Two round trips: the text and the code, then the duplicate check with the insert and its event.
            guard let read = try await Self.textWindow(documentID, around: span, connection, logger, lockingFor: codeID) else {
                throw StoreError.notFound("document '\(documentID)'")
            }
            let coding = try build(read.context)
            if let existing = try await PostgresCodingRow.insertUnlessDuplicate(
                coding, event: .between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), connection, logger) {
                throw StoreError.duplicateCoding(existingID: existing)
            }
            return WrittenCoding(coding, basis: read.basis)
        case .update(let coding):
            let old = try await PostgresCodingRow.fetchLive(connection, logger, id: coding.id)
            guard old.version == coding.version - 1 else {
                throw StoreError.staleVersion(id: coding.id, expected: coding.version - 1, actual: old.version)
            }
            // Two round trips: the old state, then the row with its event.
            let placed = old.anchor.span != coding.anchor.span || old.status != coding.status
            try await PostgresCodingRow.write(coding, event: .between(old, coding, kind: placed ? .reattached : .changed,
                                                                      at: coding.updatedAt, by: coding.updatedBy ?? coding.coder),
                                              connection, logger)
            return WrittenCoding(coding)
        case .remove(let id, let coder, let expectedVersion):
            var old = try await PostgresCodingRow.fetchLive(connection, logger, id: id)
            if let expectedVersion, expectedVersion != old.version {
                throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: old.version)
            }
            let now = Coding.timestamp()
            try await PostgresCodingRow.remove(id: id, by: coder, at: now, event: .between(old, old, kind: .removed, at: now, by: coder,
                                                                                           version: old.version + 1),
                                               connection, logger)
            old.version += 1
            return WrittenCoding(old)
        case .restore(let id, let coder, let expectedVersion):
            let old = try await PostgresCodingRow.fetchRemoved(connection, logger, id: id)
            try CodingRestore.check(old, expectedVersion: expectedVersion)
            var coding = old
            if !CodingRestore.isInPlace(old, window: try await Self.textWindow(old.documentID, around: old.anchor.span, connection, logger)) {
                coding = try CodingRestore.placed(old, in: try await Self.textWindow(old.documentID, around: CodingRestore.wholeText,
                                                                                     connection, logger))
            }
            let now = Coding.timestamp()
            (coding.version, coding.updatedAt, coding.updatedBy) = (old.version + 1, now, coder)
            try await PostgresCodingRow.restore(coding, event: .between(old, coding, kind: .restored, at: now, by: coder), connection, logger)
            return WrittenCoding(coding)
        }
    }
}

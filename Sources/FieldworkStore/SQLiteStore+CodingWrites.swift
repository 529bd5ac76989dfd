import FieldworkCore
import Foundation
import GRDB

/// Coding writes, alone or as a group commit: many requests' writes in one transaction, so
/// they share its COMMIT (the WAL append and the writer's turn) instead of paying one each.
extension SQLiteStore {
    public func writeCodings(_ writes: [CodingWrite]) async throws -> [CodingWriteResult] {
        // A lone write needs no savepoint: its failure rolls back a transaction that holds only it.
        if writes.count == 1 {
            do {
                return [.success(try await writer.write { [texts = database.documentTexts] db in try Self.apply(writes[0], db, texts: texts) })]
            } catch {
                return [.failure(error)]
            }
        }
        return try await writer.write { [texts = database.documentTexts] db in try Self.apply(writes, db, texts: texts) }
    }

    /// A batch on the caller's thread when the database is free at once (`ImmediateWriter`): the
    /// same connection as the lone writes at once, so its page cache stays warm (SQLite empties a
    /// connection's cache whenever another connection has written).
    public func writeAtOnce(_ writes: [CodingWrite]) throws -> [CodingWriteResult]? {
        guard let immediate = database.immediateWriter else { return nil }
        if writes.count == 1 {
            // Alone, as `writeCodings` writes one: no savepoint (its two statements are compiled
            // anew each time), since its failure rolls back a transaction that holds only it. At
            // 8 clients most batches are one write.
            do { return try writeAtOnce(writes[0]).map { [.success($0)] } } catch { return [.failure(error)] }
        }
        return try immediate.tryWrite { [texts = database.documentTexts] db in try Self.apply(writes, db, texts: texts) }
    }

    /// Each write in a savepoint of its own: a refused write fails alone. The savepoint's
    /// statements come from the connection's cache (`inSavepoint` compiles them for every write).
    private static func apply(_ writes: [CodingWrite], _ db: Database, texts: DocumentTextCache) throws -> [CodingWriteResult] {
        try writes.map { write -> CodingWriteResult in
            try db.cachedStatement(sql: "SAVEPOINT coding_write").execute()
            do {
                let written = try Self.apply(write, db, texts: texts)
                try db.cachedStatement(sql: "RELEASE SAVEPOINT coding_write").execute()
                return .success(written)
            } catch {
                // Some errors (a full disk, I/O) make SQLite roll back the whole transaction:
                // then the writes before this one are gone too, and the batch fails as one. A
                // busy database fails it as one too: at once, the pool's writer then writes it.
                guard db.isInsideTransaction, (error as? DatabaseError)?.resultCode != .SQLITE_BUSY else { throw error }
                try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT coding_write").execute()
                try db.cachedStatement(sql: "RELEASE SAVEPOINT coding_write").execute()
                return .failure(error)
            }
        }
    }

    /// On the caller's thread when the database is free at once (`ImmediateWriter`).
    public func writeAtOnce(_ write: CodingWrite) throws -> WrittenCoding? {
        guard let immediate = database.immediateWriter else { return nil }
        return try immediate.tryWrite { [texts = database.documentTexts] db in try Self.apply(write, db, texts: texts) }
    }

    /// Each write that answers with a coding reads its document's `ConsentBasis` in its transaction.
    private static func apply(_ write: CodingWrite, _ db: Database, texts: DocumentTextCache) throws -> WrittenCoding {
        switch write {
        case .insert(let documentID, let span, let codeID, let build):
            guard let basis = try DocumentRow.consentBasis(documentID, db) else {
                throw StoreError.notFound("document '\(documentID)'")
            }
            let window = try DocumentRow.textWindow(documentID, at: basis.stamp, around: span, db, texts: texts)
            // Read in the write's transaction, so the turns match the text the span is checked on.
            let turns = try SpeakerLabelSpan.turnStartsToRead(for: span, in: window).map { try DocumentRow.turns(documentID, startingIn: $0, db) } ?? []
            let coding = try build(NewCodingContext(window: window, codeExists: try codeExists(codeID, db), turnsNearSpan: turns))
            if let existing = try CodingRow.duplicate(of: coding, db) { throw StoreError.duplicateCoding(existingID: existing) }
            try CodingRow.insert(coding, db)
            try CodingEventRow.append(.between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder), db)
            return WrittenCoding(coding, basis: basis)
        case .update(let coding):
            let old = try CodingRow.fetchLive(db, id: coding.id)
            guard old.version == coding.version - 1 else {
                throw StoreError.staleVersion(id: coding.id, expected: coding.version - 1, actual: old.version)
            }
            try CodingRow.write(coding, db)
            let placed = old.anchor.span != coding.anchor.span || old.status != coding.status
            try CodingEventRow.append(.between(old, coding, kind: placed ? .reattached : .changed, at: coding.updatedAt,
                                               by: coding.updatedBy ?? coding.coder), db)
            return WrittenCoding(coding, basis: try DocumentRow.consentBasis(coding.documentID, db))
        case .remove(let id, let coder, let expectedVersion):
            var old = try CodingRow.fetchLive(db, id: id)
            if let expectedVersion, expectedVersion != old.version {
                throw StoreError.staleVersion(id: id, expected: expectedVersion, actual: old.version)
            }
            let now = Coding.timestamp()
            try db.execute(sql: """
                UPDATE coding SET removed_at = ?, removed_by = ?, version = version + 1 WHERE id = ?
                """, arguments: [Timestamp.text(now), coder, id])
            try CodingEventRow.append(.between(old, old, kind: .removed, at: now, by: coder, version: old.version + 1), db)
            old.version += 1
            return WrittenCoding(old)
        case .restore(let id, let coder, let expectedVersion):
            let old = try CodingRow.fetchRemoved(db, id: id)
            try CodingRestore.check(old, expectedVersion: expectedVersion)
            var coding = old
            if !CodingRestore.isInPlace(old, window: try DocumentRow.textWindow(old.documentID, around: old.anchor.span, db, texts: texts)) {
                coding = try CodingRestore.placed(old, in: try DocumentRow.textWindow(old.documentID, around: CodingRestore.wholeText, db, texts: texts))
            }
            if let existing = try CodingRow.duplicate(of: coding, db) { throw StoreError.duplicateCoding(existingID: existing) }
            let now = Coding.timestamp()
            (coding.version, coding.updatedAt, coding.updatedBy) = (old.version + 1, now, coder)
            try CodingRow.write(coding, db)
            try db.execute(sql: "UPDATE coding SET removed_at = NULL, removed_by = NULL WHERE id = ?", arguments: [id])
            try CodingEventRow.append(.between(old, coding, kind: .restored, at: now, by: coder), db)
            return WrittenCoding(coding, basis: try DocumentRow.consentBasis(coding.documentID, db))
        }
    }
}

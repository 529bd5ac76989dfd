import FieldworkCore
@testable import FieldworkStore
import Foundation
import GRDB
import Testing

/// A coding write runs on the caller's thread when the database is free (`writeAtOnce`), and is
/// otherwise left to the pool's writer: it never waits on the caller's thread, and nothing of it
/// is written when another connection was writing.
@Suite struct ImmediateWriterTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "writer-\(UUID().uuidString)/fieldwork.sqlite").path
    let text = "Dörren låser sig på natten.\n\nKaffe med grannen varje morgon."

    private func opened() async throws -> (AppDatabase, SQLiteStore) {
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        let segments = Segmenter(type: .note).segment(text.components(separatedBy: "\n\n").enumerated().map {
            TextBlock(kind: .paragraph, text: $1, lineStart: $0 * 2 + 1, lineEnd: $0 * 2 + 1)
        })
        _ = try await store.applyDocuments([DocumentChange(
            file: SourceFileState(path: "corpus/n1.md", contentHash: "a", documentID: "n1", parserVersion: 1),
            metadata: DocumentMetadata(id: "n1", type: .note, title: "T"), text: segments)])
        return (database, store)
    }

    private func insert(_ id: String, _ span: Range<Int>) -> CodingWrite {
        .insert(documentID: "n1", span: span, codeID: "need") { context in
            Coding(id: id, documentID: "n1", codeID: "need", coder: "Anna", memo: nil,
                   anchor: TextQuoteAnchor(span: span, in: context.window)!, createdAt: Coding.timestamp())
        }
    }

    private func count(_ database: AppDatabase, _ sql: String) async throws -> Int {
        try await database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    /// The pool's writer queue held (no transaction, no lock) by a job that waits for the test:
    /// a coding write that took the writer's turn would wait for it too.
    @Test func aCodingIsWrittenWhileThePoolWriterIsHeld() async throws {
        let (database, store) = try await opened()
        let gate = DispatchSemaphore(value: 0)
        let held = DispatchSemaphore(value: 0)
        database.writer.asyncWriteWithoutTransaction { _ in
            held.signal()
            gate.wait()
        }
        held.wait()
        // Whatever happens below, the writer is let go in the end (on Dispatch's threads).
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { gate.signal() }
        let started = ContinuousClock.now
        let written = try store.writeAtOnce(insert("c-1", 0..<5))
        #expect(ContinuousClock.now - started < .seconds(10), "the write waited for the pool's writer")
        #expect(written?.anchor.quote == "Dörre")
        gate.signal()
        #expect(try await store.coding(id: "c-1")?.coder == "Anna")
        #expect(try await count(database, "SELECT COUNT(*) FROM coding_event WHERE coding_id = 'c-1'") == 1)
    }

    /// Another connection holds SQLite's write lock: nothing is tried on the caller's thread, and
    /// the store's write waits its turn at the pool's writer, then lands.
    @Test func aWriteWaitsItsTurnWhenAnotherConnectionWrites() async throws {
        let (database, store) = try await opened()
        let other = try DatabaseQueue(path: path)
        let gate = DispatchSemaphore(value: 0)
        let locked = DispatchSemaphore(value: 0)
        let holder = Task.detached {
            try other.write { db in
                try db.execute(sql: "UPDATE document SET title = 'Ändrad' WHERE id = 'n1'")
                locked.signal()
                gate.wait()
            }
        }
        locked.wait()
        let writer = try #require(database.immediateWriter)
        var ran = false
        let asked = ContinuousClock.now
        #expect(try writer.tryWrite { _ in ran = true } == nil)
        #expect(ContinuousClock.now - asked < .seconds(1), "the caller waited for the lock")
        #expect(!ran, "the body ran without the write lock")
        #expect(try store.writeAtOnce(insert("c-2", 6..<10)) == nil)

        let write = Task { try await store.writeCodings([insert("c-2", 6..<10)]) }
        try await Task.sleep(for: .milliseconds(200))
        gate.signal()
        try await holder.value
        #expect(try await write.value[0].get().id == "c-2")
        #expect(try await count(database, "SELECT COUNT(*) FROM coding WHERE id = 'c-2'") == 1)
        #expect(try await count(database, "SELECT COUNT(*) FROM document WHERE title = 'Ändrad'") == 1)
    }

    @Test func aRefusedWriteCommitsNothing() async throws {
        let (database, _) = try await opened()
        let writer = try #require(database.immediateWriter)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try writer.tryWrite { db in
                try db.execute(sql: "UPDATE document SET title = 'Ändrad' WHERE id = 'n1'")
                throw Refused()
            }
        }
        #expect(try await count(database, "SELECT COUNT(*) FROM document WHERE title = 'Ändrad'") == 0)
        // The connection is free again.
        #expect(try writer.tryWrite { db in try db.execute(sql: "UPDATE document SET title = 'Ny' WHERE id = 'n1'") } != nil)
        #expect(try await count(database, "SELECT COUNT(*) FROM document WHERE title = 'Ny'") == 1)
    }

    /// One connection: a second write while one runs is answered nil, not made to wait.
    @Test func aSecondWriteFindsTheConnectionInUse() async throws {
        let (database, _) = try await opened()
        let writer = try #require(database.immediateWriter)
        let inner = try writer.tryWrite { _ in try writer.tryWrite { _ in 1 } }
        #expect(inner == .some(nil))
    }

    /// A duplicate is refused on the caller's thread as it is at the writer: the same error,
    /// nothing written.
    @Test func aDuplicateIsRefusedAsBefore() async throws {
        let (database, store) = try await opened()
        #expect(try store.writeAtOnce(insert("c-3", 0..<5))?.id == "c-3")
        #expect(throws: StoreError.duplicateCoding(existingID: "c-3")) { try store.writeAtOnce(insert("c-4", 0..<5)) }
        #expect(try await count(database, "SELECT COUNT(*) FROM coding") == 1)
    }

    /// A batch is written at once as the pool's writer writes it: each write its own result, a
    /// refused one alone; and not at all while another connection holds the write lock.
    @Test func aBatchIsWrittenAtOnceWithAResultPerWriteOrNotAtAll() async throws {
        let (database, store) = try await opened()
        let results = try #require(try store.writeAtOnce([insert("c-5", 0..<5), insert("c-6", 0..<5), insert("c-7", 6..<10)]))
        #expect(results.count == 3)
        #expect(try results[0].get().id == "c-5")
        #expect(throws: StoreError.duplicateCoding(existingID: "c-5")) { try results[1].get() }
        #expect(try results[2].get().id == "c-7")
        #expect(try await count(database, "SELECT COUNT(*) FROM coding") == 2)

        // The other connection holds the write lock on a thread of its own: blocking a thread
        // of Swift's small cooperative pool here would starve the suite's other tests.
        let other = try DatabaseQueue(path: path)
        let gate = DispatchSemaphore(value: 0), locked = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        Thread {
            try? other.write { db in
                try db.execute(sql: "UPDATE document SET title = 'Ändrad' WHERE id = 'n1'")
                locked.signal()
                gate.wait()
            }
            done.signal()
        }.start()
        locked.wait()
        #expect(try store.writeAtOnce([insert("c-8", 11..<16)]) == nil)
        gate.signal()
        done.wait()
        #expect(try await count(database, "SELECT COUNT(*) FROM coding WHERE id = 'c-8'") == 0)
        #expect(try await count(database, "SELECT COUNT(*) FROM document WHERE title = 'Ändrad'") == 1)
    }
}

import FieldworkCore
@testable import FieldworkStore
import Foundation
import GRDB
import Synchronization
import Testing

/// A document open never makes its thread wait for another task's read. It once took a pool
/// reader synchronously: with every reader held, the thread waited, and when every one of
/// Swift's pool threads did, the server stopped answering for good (`make stress`, soak).
@Suite struct ImmediateReadersTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "readers-\(UUID().uuidString)/fieldwork.sqlite").path

    @Test func aDocumentOpenIsAnsweredWhileEveryPoolReaderIsHeld() async throws {
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        let segments = Segmenter(type: .note).segment([TextBlock(kind: .paragraph, text: "Larmet på natten.", lineStart: 1, lineEnd: 1)])
        _ = try await store.applyDocuments([DocumentChange(
            file: SourceFileState(path: "corpus/n1.md", contentHash: "a", documentID: "n1", parserVersion: 1),
            metadata: DocumentMetadata(id: "n1", type: .note, title: "T"), text: segments)])

        // Every reader of the pool busy in a read that waits for the test to let it go.
        let readers = database.writer.configuration.maximumReaderCount
        let holding = Count()
        let gate = DispatchSemaphore(value: 0)
        // (GRDB's callback API: a reader let go needs no task to go on, so the watchdog below can
        // always free them.)
        let released = DispatchGroup()
        for _ in 0..<readers {
            released.enter()
            database.writer.asyncRead { _ in
                holding.add()
                gate.wait()
                released.leave()
            }
        }
        while holding.value < readers { try await Task.sleep(for: .milliseconds(5)) }

        // If an open waited for a held reader, its thread would wait until this lets them go
        // (on Dispatch's threads, so it fires even if every one of Swift's pool threads waits).
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { for _ in 0..<readers { gate.signal() } }

        // Opens from more tasks than Swift's pool has threads.
        let started = ContinuousClock.now
        let opens = (0..<8).map { _ in
            Task.detached { try await store.documentOpen(DocumentOpenRequest(documentID: "n1", codings: true, participantIDs: [])) }
        }
        for task in opens { #expect(try await task.value?.stamp.revision == 1) }
        #expect(ContinuousClock.now - started < .seconds(15), "opens waited for the held readers")
        for _ in 0..<readers { gate.signal() }
        released.wait()
    }
}

/// A counter tasks share.
private final class Count: Sendable {
    private let count = Atomic<Int>(0)
    var value: Int { count.load(ordering: .relaxed) }
    func add() { count.add(1, ordering: .relaxed) }
}

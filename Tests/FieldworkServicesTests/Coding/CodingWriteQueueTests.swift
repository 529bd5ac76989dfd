import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Synchronization
import Testing

/// The group commit: writes that arrive while a transaction runs go to the store together, each
/// caller gets its own answer after that commit, and a refused write does not fail the others.
@Suite struct CodingWriteQueueTests {
    /// The real store behind a gate that holds the first transaction until the test opens it, so
    /// the writes that come meanwhile are known to wait (no timing involved).
    actor GatedStore: CodingWriteStore {
        let store: any FieldworkStore
        private(set) var batches: [Int] = []
        private var gate: CheckedContinuation<Void, Never>?
        private var open = false

        init(_ store: any FieldworkStore) { self.store = store }

        func writeCodings(_ writes: [CodingWrite]) async throws -> [CodingWriteResult] {
            batches.append(writes.count)
            if !open { await withCheckedContinuation { gate = $0 } }
            return try await store.writeCodings(writes)
        }

        var isHolding: Bool { gate != nil }

        func release() {
            open = true
            gate?.resume()
            gate = nil
        }
    }

    /// A store that never writes at once, counting how often it was asked to (the queue tries
    /// only while calm), with the gate above for its transactions.
    actor AskedAtOnceStore: CodingWriteStore {
        let gated: GatedStore
        private nonisolated let asked = Mutex(0)
        nonisolated var timesAsked: Int { asked.withLock { $0 } }

        init(_ store: any FieldworkStore) { gated = GatedStore(store) }

        func writeCodings(_ writes: [CodingWrite]) async throws -> [CodingWriteResult] { try await gated.writeCodings(writes) }

        nonisolated func writeAtOnce(_ write: CodingWrite) throws -> WrittenCoding? {
            asked.withLock { $0 += 1 }
            return nil
        }
    }

    /// Calm, a lone write is offered to the store at once; after writes queued up, lone writes go
    /// through transactions (batching whatever comes meanwhile) until a few in a row found nobody
    /// waiting.
    @Test func aCalmQueueWritesAtOnceAndAQueueUnderLoadInTransactions() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Larmet går på natten, och då ringer jag till hemtjänsten och väntar."))
        try await workspace.ingest()
        let store = AskedAtOnceStore(workspace.store)
        let queue = CodingWriteQueue(store: store)
        let service = CodingService(store: workspace.store, writes: queue)
        func add(_ end: Int) async throws -> WrittenCoding {
            // From 5: the words after "R14: ".
            try await service.add(document: "int-014", span: 5..<(5 + end), code: "need", coder: "anna")
        }

        let first = Task { try await add(3) }
        while await !store.gated.isHolding { await Task.yield() }
        #expect(store.timesAsked == 1)
        let queued = (4..<7).map { end in Task { try await add(end) } }
        while queue.pendingWrites < queued.count { await Task.yield() }
        await store.gated.release()
        _ = try await first.value
        for task in queued { _ = try await task.value }
        #expect(await store.gated.batches == [1, 3])

        // Writes had queued up: lone writes go through transactions until three in a row found
        // nobody waiting, then the next is offered at once first.
        for end in 8..<11 { _ = try await add(end) }
        #expect(store.timesAsked == 1)
        _ = try await add(11)
        #expect(store.timesAsked == 2)
        #expect(await store.gated.batches == [1, 3, 1, 1, 1, 1])
        #expect(queue.transactions == 6)
        #expect(try await workspace.store.codings(CodingFilter(documentID: "int-014")).count == 8)
    }

    /// On a store that writes at once, a calm queue writes without a transaction of its own.
    @Test func aCalmQueueWritesOnTheCallersThread() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Dörren låser sig själv."))
        try await workspace.ingest()
        let queue = CodingWriteQueue(store: workspace.store)
        let service = CodingService(store: workspace.store, writes: queue)
        let coding = try await service.add(document: "int-014", span: 5..<11, code: "need", coder: "anna")
        #expect(try await workspace.store.coding(id: coding.id)?.anchor.quote == "Dörren")
        if TestStore.isSQLite {
            #expect((queue.writtenAtOnce, queue.transactions) == (1, 0))
        } else {
            #expect((queue.writtenAtOnce, queue.transactions) == (0, 1))
        }
    }

    @Test func writesThatWaitShareOneTransactionAndARefusedOneFailsAlone() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Hej då, säger jag alltid när hemtjänsten går på kvällen, och sedan låser jag dörren."))
        try await workspace.ingest()
        let gated = GatedStore(workspace.store)
        let queue = CodingWriteQueue(store: gated)
        let service = CodingService(store: workspace.store, writes: queue)
        let kept = try await workspace.context.codings.add(document: "int-014", span: 9..<12, code: "need", coder: "anna")

        let first = Task { try await service.add(document: "int-014", span: 5..<8, code: "need", coder: "anna") }
        while await !gated.isHolding { await Task.yield() }
        // 40 new spans, an exact duplicate of `kept`, two changes of `kept` made on the same
        // version (the second is stale once the first is written) and an unknown code.
        let count = 40
        let tasks = (0..<count).map { index in
            Task { try await service.add(document: "int-014", span: 9..<(13 + index), code: "need", coder: "anna") }
        }
        let duplicate = Task { try await service.add(document: "int-014", span: 9..<12, code: "need", coder: "anna") }
        let changes = ["en", "två"].map { memo in Task { try await service.update(id: kept.id, memo: memo, expectedVersion: 1) } }
        let unknown = Task { try await service.add(document: "int-014", span: 9..<14, code: "no.such", coder: "anna") }
        while queue.pendingWrites < count + 4 { await Task.yield() }
        await gated.release()

        _ = try await first.value
        var ids: [String] = []
        for task in tasks { ids.append(try await task.value.id) }
        await #expect(throws: StoreError.duplicateCoding(existingID: kept.id)) { _ = try await duplicate.value }
        var changed: [String] = []
        for change in changes {
            do {
                changed.append(try await change.value.memo ?? "")
            } catch let error as StoreError {
                #expect(error == .staleVersion(id: kept.id, expected: 1, actual: 2))
            }
        }
        #expect(changed.count == 1)
        await #expect(throws: CodingError.unknownCode("no.such")) { _ = try await unknown.value }
        #expect(await gated.batches == [1, count + 4])
        #expect(queue.transactions == 2)
        // Every acknowledged write is stored exactly once; the change that won is the one stored.
        let stored = try await workspace.store.codings(CodingFilter(documentID: "int-014"))
        #expect(stored.count == count + 2)
        #expect(Set(stored.map(\.id)) == Set(ids + [kept.id, try await first.value.id]))
        #expect(try await workspace.store.coding(id: kept.id)?.version == 2)
        #expect(try await workspace.store.coding(id: kept.id)?.memo == changed.first)
        #expect(try await workspace.store.codingHistory(id: kept.id)?.map(\.kind) == [.created, .changed])
    }
}

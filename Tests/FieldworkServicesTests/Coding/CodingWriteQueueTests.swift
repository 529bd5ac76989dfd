import FieldworkCore
import FieldworkServices
import Foundation
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

    @Test func writesThatWaitShareOneTransactionAndARefusedOneFailsAlone() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Hej då, säger jag alltid när hemtjänsten går på kvällen, och sedan låser jag dörren."))
        try await workspace.ingest()
        let gated = GatedStore(workspace.store)
        let queue = CodingWriteQueue(store: gated)
        let service = CodingService(store: workspace.store, writes: queue)
        let kept = try await workspace.context.codings.add(document: "int-014", span: 9..<12, code: "need", coder: "anna")

        let first = Task { try await service.add(document: "int-014", span: 0..<3, code: "need", coder: "anna") }
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
        while await queue.pendingWrites < count + 4 { await Task.yield() }
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
        #expect(await queue.transactions == 2)
        // Every acknowledged write is stored exactly once; the change that won is the one stored.
        let stored = try await workspace.store.codings(CodingFilter(documentID: "int-014"))
        #expect(stored.count == count + 2)
        #expect(Set(stored.map(\.id)) == Set(ids + [kept.id, try await first.value.id]))
        #expect(try await workspace.store.coding(id: kept.id)?.version == 2)
        #expect(try await workspace.store.coding(id: kept.id)?.memo == changed.first)
        #expect(try await workspace.store.codingHistory(id: kept.id)?.map(\.kind) == [.created, .changed])
    }
}

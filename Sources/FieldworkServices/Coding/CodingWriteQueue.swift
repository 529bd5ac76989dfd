import FieldworkCore

/// Group commit of coding writes: requests that arrive while a write transaction runs wait for
/// it and then go to the store together, in arrival order, in one transaction
/// (`FieldworkStore.writeCodings`), so they share its COMMIT instead of queueing for one each.
///
/// Nothing waits on a timer: a write that finds the store idle is written at once, alone, by its
/// own caller, so a calm pace costs what it did; under load the batch is whatever arrived during
/// the previous commit, written by a drainer task. While calm (the last few writes found nobody
/// waiting behind them), a lone write goes on the caller's thread when the store can take it
/// without waiting (`writeAtOnce`: no hand-over to the store's writer thread and back, 7 % of a
/// write's server CPU at 8 clients); once writes queue up, lone writes go through the store's
/// transactions again, so that those arriving meanwhile are batched. A write on the caller's
/// thread commits alone: under a burst, writing every lone write that way halved the throughput
/// of `bench/write_bench.py` (2,300 against 4,700 a second, p99 22 against 9 ms); three lone
/// writes in a row kept the throughput and CPU of the batches (`bench/ab_writes.py`, session 17).
/// Each caller is answered only after the COMMIT that holds its write, with
/// its own result: a refused write (stale version, duplicate, unknown code) fails alone and the
/// others are written. One queue per store in a process (the context holds it), else two
/// queues' batches would just wait for each other at the store's single writer.
public actor CodingWriteQueue {
    private let store: any CodingWriteStore
    private var waiting: [(write: CodingWrite, reply: CheckedContinuation<Coding, any Error>)] = []
    private var writing = false
    /// Writes in a row that found nobody waiting behind them when they were done.
    private var loneWrites = CodingWriteQueue.calmAfter
    /// Lone writes in a row after which the queue is calm.
    static let calmAfter = 3
    /// Bounds one transaction, so one batch's commit never keeps the writer long.
    static let largestBatch = 256

    /// Transactions written so far, writes written on the caller's thread, and the writes waiting
    /// for the next transaction: for tests and diagnostics.
    public private(set) var transactions = 0
    public private(set) var writtenAtOnce = 0
    public var pendingWrites: Int { waiting.count }

    public init(store: any CodingWriteStore) {
        self.store = store
    }

    /// Writes `write` with whatever else is waiting; returns the coding as written or throws the
    /// error the write alone would have thrown.
    public func submit(_ write: CodingWrite) async throws -> Coding {
        guard writing else {
            // The store is idle: the caller writes alone, on its own task, so the answer needs
            // no other task's turn (one thread wake-up less on a calm server); whatever arrives
            // meanwhile waits and is handed to a drainer afterwards.
            writing = true
            defer { handOver() }
            if loneWrites >= Self.calmAfter, let written = try await Self.atOnce(write, store) {
                writtenAtOnce += 1
                return written
            }
            return try await transaction([write])[0].get()
        }
        return try await withCheckedThrowingContinuation { reply in waiting.append((write, reply)) }
    }

    /// One transaction of the store: a result per write, in order, or the transaction's error.
    private func transaction(_ writes: [CodingWrite]) async throws -> [CodingWriteResult] {
        transactions += 1
        let results = try await store.writeCodings(writes)
        guard results.count == writes.count else { throw StoreError.conflict("the store answered \(results.count) of \(writes.count) writes") }
        return results
    }

    /// Off the actor, so that requests arriving meanwhile wait for the next transaction (and show
    /// that writes are queueing up).
    @concurrent private nonisolated static func atOnce(_ write: CodingWrite, _ store: any CodingWriteStore) async throws -> Coding? {
        try store.writeAtOnce(write)
    }

    private func handOver() {
        loneWrites = waiting.isEmpty ? loneWrites + 1 : 0
        if waiting.isEmpty { writing = false } else { Task { await drain() } }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.largestBatch))
            waiting.removeFirst(batch.count)
            do {
                let results = try await transaction(batch.map(\.write))
                for (entry, result) in zip(batch, results) { entry.reply.resume(with: result) }
            } catch {
                // The transaction itself failed: nothing of the batch was written.
                for entry in batch { entry.reply.resume(throwing: error) }
            }
        }
        writing = false
    }
}

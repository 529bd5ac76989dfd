import FieldworkCore

/// Group commit of coding writes: requests that arrive while a write transaction runs wait for
/// it and then go to the store together, in arrival order, in one transaction
/// (`FieldworkStore.writeCodings`), so they share its COMMIT instead of queueing for one each.
///
/// Nothing waits on a timer. While calm (the last few writes found nobody waiting behind them),
/// a write that finds the store idle is written alone by its own caller, on the caller's thread
/// when the store can take it without waiting (`writeAtOnce`: no hand-over to another thread and
/// back, 7 % of a write's server CPU at 8 clients). Once writes queue up, every write goes to a
/// drainer on a thread of its own (`SerialQueueExecutor.codingWrites`), which writes whatever
/// arrived during the previous commit as one batch, at once on the same connection as the lone
/// writes (4-9 % less CPU per write than at the store's writer, whose connection emptied the
/// other's page cache on every turn; session 23). A write on the caller's thread commits alone and holds an
/// event loop: under a burst, writing every lone write that way halved the throughput of
/// `bench/write_bench.py` (2,300 against 4,700 a second, p99 22 against 9 ms); three lone
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
        if !writing, loneWrites >= Self.calmAfter {
            // Calm and idle: the caller writes alone, on its own thread, so the answer needs no
            // other thread's turn; whatever arrives meanwhile waits and is handed to the drainer.
            writing = true
            defer { handOver() }
            if let written = try await Self.atOnce(write, store) {
                writtenAtOnce += 1
                return written
            }
            return try await transaction([write], atOnce: false)[0].get()
        }
        // Writes queue up: the drainer writes this one with whatever else waits, on its own thread.
        return try await withCheckedThrowingContinuation { reply in
            waiting.append((write, reply))
            if !writing {
                writing = true
                startDrainer()
            }
        }
    }

    /// One transaction of the store: a result per write, in order, or the transaction's error.
    /// `atOnce`: on this thread if the store can take it without waiting (the drainer's), on the
    /// same connection as the lone writes at once, whose page cache then stays warm.
    private func transaction(_ writes: [CodingWrite], atOnce: Bool) async throws -> [CodingWriteResult] {
        transactions += 1
        let results: [CodingWriteResult]
        if atOnce, let written = try await Self.atOnce(writes, store) {
            results = written
        } else {
            results = try await store.writeCodings(writes)
        }
        guard results.count == writes.count else { throw StoreError.conflict("the store answered \(results.count) of \(writes.count) writes") }
        return results
    }

    /// Off the actor, so that requests arriving meanwhile wait for the next transaction (and show
    /// that writes are queueing up).
    @concurrent private nonisolated static func atOnce(_ write: CodingWrite, _ store: any CodingWriteStore) async throws -> Coding? {
        try store.writeAtOnce(write)
    }

    @concurrent private nonisolated static func atOnce(_ writes: [CodingWrite], _ store: any CodingWriteStore) async throws -> [CodingWriteResult]? {
        try store.writeAtOnce(writes)
    }

    private func handOver() {
        loneWrites = waiting.isEmpty ? loneWrites + 1 : 0
        if waiting.isEmpty { writing = false } else { startDrainer() }
    }

    /// The drainer runs on a thread of its own (`SerialQueueExecutor.codingWrites`): a batch's commit
    /// blocks it, not an event loop or the cooperative pool.
    private func startDrainer() {
        Task(executorPreference: SerialQueueExecutor.codingWrites) { await self.drain() }
    }

    private func drain() async {
        while !waiting.isEmpty {
            let batch = Array(waiting.prefix(Self.largestBatch))
            waiting.removeFirst(batch.count)
            do {
                let results = try await transaction(batch.map(\.write), atOnce: true)
                for (entry, result) in zip(batch, results) { entry.reply.resume(with: result) }
            } catch {
                // The transaction itself failed: nothing of the batch was written.
                for entry in batch { entry.reply.resume(throwing: error) }
            }
            // A write alone that found nobody waiting behind it: a few in a row and the queue is calm.
            loneWrites = batch.count == 1 && waiting.isEmpty ? loneWrites + 1 : 0
        }
        writing = false
    }
}

import FieldworkCore
import Synchronization

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
///
/// The queue's state sits behind a lock rather than in an actor: a write touches it twice for a
/// few instructions, and an actor that another event loop holds at that moment sends the
/// caller's task to a queue of its own and back (session 26).
public final class CodingWriteQueue: Sendable {
    private typealias Waiting = (write: CodingWrite, reply: CheckedContinuation<WrittenCoding, any Error>)
    private struct State {
        var waiting: [Waiting] = []
        var writing = false
        /// Writes in a row that found nobody waiting behind them when they were done.
        var loneWrites = CodingWriteQueue.calmAfter
        var transactions = 0
        var writtenAtOnce = 0
    }

    private let store: any CodingWriteStore
    private let state = Mutex(State())
    /// Lone writes in a row after which the queue is calm.
    static let calmAfter = 3
    /// Bounds one transaction, so one batch's commit never keeps the writer long.
    static let largestBatch = 256

    /// Transactions written so far, writes written on the caller's thread, and the writes waiting
    /// for the next transaction: for tests and diagnostics.
    public var transactions: Int { state.withLock { $0.transactions } }
    public var writtenAtOnce: Int { state.withLock { $0.writtenAtOnce } }
    public var pendingWrites: Int { state.withLock { $0.waiting.count } }

    public init(store: any CodingWriteStore) {
        self.store = store
    }

    /// Writes `write` with whatever else is waiting; returns the coding as written or throws the
    /// error the write alone would have thrown.
    public func submit(_ write: CodingWrite) async throws -> WrittenCoding {
        let alone = state.withLock { state in
            guard !state.writing, state.loneWrites >= Self.calmAfter else { return false }
            state.writing = true
            return true
        }
        if alone {
            // Calm and idle: the caller writes alone, on its own thread, so the answer needs no
            // other thread's turn; whatever arrives meanwhile waits and is handed to the drainer.
            defer { handOver() }
            if let written = try store.writeAtOnce(write) {
                state.withLock { $0.writtenAtOnce += 1 }
                return written
            }
            return try await transaction([write], atOnce: false)[0].get()
        }
        // Writes queue up: the drainer writes this one with whatever else waits, on its own thread.
        return try await withCheckedThrowingContinuation { reply in
            let starts = state.withLock { state in
                state.waiting.append((write, reply))
                defer { state.writing = true }
                return !state.writing
            }
            if starts { startDrainer() }
        }
    }

    /// One transaction of the store: a result per write, in order, or the transaction's error.
    /// `atOnce`: on this thread if the store can take it without waiting (the drainer's), on the
    /// same connection as the lone writes at once, whose page cache then stays warm.
    private func transaction(_ writes: [CodingWrite], atOnce: Bool) async throws -> [CodingWriteResult] {
        state.withLock { $0.transactions += 1 }
        let results: [CodingWriteResult]
        if atOnce, let written = try store.writeAtOnce(writes) {
            results = written
        } else {
            results = try await store.writeCodings(writes)
        }
        guard results.count == writes.count else { throw StoreError.conflict("the store answered \(results.count) of \(writes.count) writes") }
        return results
    }

    private func handOver() {
        let drains = state.withLock { state in
            state.loneWrites = state.waiting.isEmpty ? state.loneWrites + 1 : 0
            state.writing = !state.waiting.isEmpty
            return state.writing
        }
        if drains { startDrainer() }
    }

    /// The drainer runs on a thread of its own (`SerialQueueExecutor.codingWrites`): a batch's commit
    /// blocks it, not an event loop or the cooperative pool.
    private func startDrainer() {
        Task(executorPreference: SerialQueueExecutor.codingWrites) { await self.drain() }
    }

    private func drain() async {
        var batch = state.withLock { state in Self.nextBatch(&state) }
        while !batch.isEmpty {
            let results: Result<[CodingWriteResult], any Error>
            do {
                results = .success(try await transaction(batch.map(\.write), atOnce: true))
            } catch {
                results = .failure(error)
            }
            // Before anyone is answered, the queue moves on: the next batch, or idle. A caller
            // answered here then finds it as it is (idle, and calm after a few lone writes),
            // as it did when an actor ran the drainer, and writes its next one at once.
            let next = state.withLock { state in
                // A write alone that found nobody waiting behind it: a few in a row and the queue is calm.
                state.loneWrites = batch.count == 1 && state.waiting.isEmpty ? state.loneWrites + 1 : 0
                return Self.nextBatch(&state)
            }
            switch results {
            case .success(let results):
                for (entry, result) in zip(batch, results) { entry.reply.resume(with: result) }
            case .failure(let error):
                // The transaction itself failed: nothing of the batch was written.
                for entry in batch { entry.reply.resume(throwing: error) }
            }
            batch = next
        }
    }

    /// The writes of the next transaction, taken from the queue; none (and the queue idle) when nothing waits.
    private static func nextBatch(_ state: inout State) -> [Waiting] {
        let batch = Array(state.waiting.prefix(largestBatch))
        state.waiting.removeFirst(batch.count)
        if batch.isEmpty { state.writing = false }
        return batch
    }
}

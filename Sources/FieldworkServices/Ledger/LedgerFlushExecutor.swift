import Dispatch

/// A thread of its own for the server's codings-file flushes. A flush encodes every change of
/// the last 200 ms (hundreds of lines under a burst of writes); on the cooperative pool it held
/// one of its threads — half of them on a 2-core machine — while requests waited behind it.
/// Here the flush competes for the processor like any thread, and requests keep the pool.
final class LedgerFlushExecutor: TaskExecutor {
    static let shared = LedgerFlushExecutor()
    private let queue = DispatchQueue(label: "fieldwork.ledger.flush")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

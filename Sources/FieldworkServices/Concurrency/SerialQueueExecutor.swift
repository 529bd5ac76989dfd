import Dispatch

/// A Swift task executor on a serial dispatch queue: a thread of its own for work that holds
/// its thread for long (file writes, commits), away from the event loops and from Swift's
/// cooperative pool, which has as many threads as cores (two on the benchmark machine).
final class SerialQueueExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

extension SerialQueueExecutor {
    /// The server's codings-file flushes. A flush encodes every change of the last 200 ms
    /// (hundreds of lines under a burst of writes); on the cooperative pool it held one of its
    /// threads while requests waited behind it.
    static let ledgerFlush = SerialQueueExecutor(label: "fieldwork.ledger.flush")

    /// The coding writes that queue up (`CodingWriteQueue`'s drainer): each batch's commit holds
    /// this thread.
    static let codingWrites = SerialQueueExecutor(label: "fieldwork.coding-writes")
}

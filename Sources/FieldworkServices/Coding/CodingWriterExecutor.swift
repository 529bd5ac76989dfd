import Dispatch

/// A thread of its own for the coding writes that queue up (`CodingWriteQueue`'s batches).
final class CodingWriterExecutor: TaskExecutor {
    static let shared = CodingWriterExecutor()
    private let queue = DispatchQueue(label: "fieldwork.coding-writes")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

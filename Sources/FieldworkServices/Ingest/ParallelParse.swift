import Dispatch
import Foundation

/// Reads and parses files on every core but one, keeping results in input order.
///
/// Parsing (UTF-8 checks, cmark, segmentation) is the CPU-heavy part of ingest and files are
/// independent; the store then writes the results in one transaction on one thread. That
/// writer is the longer of the two (SQLite's B-tree and full-text work), so parsing leaves it
/// a core of its own: on two cores, parsing on both made the writer wait for a processor.
enum ParallelParse {
    static func run<Input: Sendable, Output: Sendable>(
        _ files: [Input], progress: IngestService.Progress?, _ work: @Sendable (Input) -> Output
    ) -> [Output] {
        let results = ResultSlots<Output>(count: files.count)
        let workers = min(files.count, max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claim() {
                results.set(index, work(files[index]))
                if let progress { progress(results.completed, files.count) }
            }
        }
        return results.values
    }
}

/// Fixed slots written once each from concurrent workers.
private final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private var slots: [Output?]
    private var done = 0
    private var claimed = 0
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// The next file nobody has taken, if any.
    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard claimed < slots.count else { return nil }
        claimed += 1
        return claimed - 1
    }

    func set(_ index: Int, _ value: Output) {
        lock.lock()
        slots[index] = value
        done += 1
        lock.unlock()
    }

    var completed: Int {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    var values: [Output] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

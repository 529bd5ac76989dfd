import Dispatch
import Foundation

/// Reads and parses files on every core, keeping results in input order.
///
/// Parsing (UTF-8 checks, cmark, segmentation) is the CPU-heavy part of ingest and files are
/// independent; the store then writes the results in one transaction on one thread.
enum ParallelParse {
    static func run<Input: Sendable, Output: Sendable>(
        _ files: [Input], progress: IngestService.Progress?, _ work: @Sendable (Input) -> Output
    ) -> [Output] {
        let results = ResultSlots<Output>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, work(files[index]))
            if let progress { progress(results.completed, files.count) }
        }
        return results.values
    }
}

/// Fixed slots written once each from concurrent workers.
private final class ResultSlots<Output: Sendable>: @unchecked Sendable {
    private var slots: [Output?]
    private var done = 0
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
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

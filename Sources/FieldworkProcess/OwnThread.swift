import Foundation

/// Runs blocking work (waiting for a child process, reading its pipe to the end) on a thread of
/// its own and awaits the result. Nothing may wait on Swift's cooperative threads: on two cores
/// there are two, and every request and test task runs on them.
public func onOwnThread<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { reply in
        Thread.detachNewThread { reply.resume(with: Swift.Result { try work() }) }
    }
}

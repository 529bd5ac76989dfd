import Foundation

/// Reads a pipe to its end on a thread of its own while the other end's process runs, so a
/// process writing to two pipes never waits on a full one.
public final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = (try? handle.readToEnd()) ?? Data()
            done.signal()
        }
    }

    /// Everything read, once the pipe has ended.
    public func wait() -> Data {
        done.wait()
        return data
    }
}

import GRDB
import Synchronization

/// Read-only connections for short reads on the calling thread, taken only when one is free at
/// once, so that the caller never waits for another task's read.
///
/// A document open reads for tens of microseconds, less than handing the read to GRDB's reader
/// queue and back. It used to do that with the pool's synchronous `read` on the request's thread,
/// which waits for a free reader: under the soak (16 clients, opens and searches) every reader
/// was held by reads whose tasks needed a thread to go on, both of Swift's pool threads waited in
/// `read`, and the server stopped answering for good. Here a read either finds a connection of
/// its own free (a few, opened on first use) or is answered nil at once, and the caller reads
/// through the pool asynchronously instead.
final class ImmediateReaders: Sendable {
    private let path: String
    private let slots = Mutex<[Slot]>(Array(repeating: Slot(), count: ImmediateReaders.count))
    static let count = 4

    private struct Slot {
        var connection: DatabaseQueue?
        var busy = false
    }

    init(path: String) {
        self.path = path
    }

    /// `body` in a read transaction on this thread, or nil (nothing read) when every connection
    /// is in use or SQLite is busy for a moment (recovering or resetting the log).
    func tryRead<T>(_ body: (Database) throws -> T) throws -> T? {
        guard let (index, connection) = try claim() else { return nil }
        defer { slots.withLock { $0[index].busy = false } }
        do {
            return try connection.read(body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            return nil
        }
    }

    private func claim() throws -> (Int, DatabaseQueue)? {
        try slots.withLock { slots -> (Int, DatabaseQueue)? in
            guard let index = slots.firstIndex(where: { !$0.busy }) else { return nil }
            if slots[index].connection == nil {
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .immediateError
                configuration.label = "fieldwork.immediate-reader"
                slots[index].connection = try DatabaseQueue(path: path, configuration: configuration)
            }
            slots[index].busy = true
            return (index, slots[index].connection!)
        }
    }
}

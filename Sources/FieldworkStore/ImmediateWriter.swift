import GRDB
import Synchronization

/// A write connection of its own for short writes on the calling thread, taken only when it is
/// free and SQLite's write lock can be had at once, so that the caller never waits.
///
/// A coding write holds the database for about 0.2 ms. Handing it to the pool's writer queue and
/// back cost two thread wake-ups on top (the request's event loop sleeps, the writer thread
/// wakes, then the loop again). Here the write runs where the request is. When this connection is
/// in use (a write from the other event loop), or another connection holds the write lock (the
/// pool's writer during an ingest, a CLI import in another process, a checkpoint resetting the
/// log), the answer is nil at once, nothing was written, and the caller writes through the pool
/// as before, which waits its turn off the event loop.
final class ImmediateWriter: Sendable {
    private struct Slot {
        var connection: DatabaseQueue?
        var busy = false
        /// The connection could not be opened: not tried again, every write goes through the pool.
        var unavailable = false
    }

    private let path: String
    private let configuration: Configuration
    private let slot = Mutex(Slot())

    /// `configuration`: the pool's, so the connection prepares itself as the pool's writer does
    /// (synchronous mode, foreign keys, the log-fill hook of the background checkpoints); only
    /// its waiting for a busy database is taken away.
    init(path: String, configuration: Configuration) {
        self.path = path
        var configuration = configuration
        configuration.busyMode = .immediateError
        configuration.label = "fieldwork.immediate-writer"
        self.configuration = configuration
    }

    /// `body` in an IMMEDIATE transaction on this thread, committed; or nil when nothing was
    /// written because the connection or the database was busy. Any other error is `body`'s or
    /// the database's, and nothing of `body` is committed.
    func tryWrite<T>(_ body: (Database) throws -> T) throws -> T? {
        guard let connection = claim() else { return nil }
        defer { slot.withLock { $0.busy = false } }
        do {
            return try connection.writeWithoutTransaction { db in
                // BEGIN and COMMIT from the connection's statement cache: `inTransaction` compiles
                // both anew for every write, and a coding write is otherwise a handful of cached
                // statements. This connection has no transaction observers for it to notify.
                try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
                do {
                    let result = try body(db)
                    try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                    return result
                } catch {
                    if db.isInsideTransaction { try db.rollback() }
                    throw error
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            // Another connection writes (BEGIN IMMEDIATE found the lock taken), or, rarely, a
            // checkpoint held the log: rolled back, so the pool's writer may write it.
            return nil
        }
    }

    private func claim() -> DatabaseQueue? {
        slot.withLock { slot -> DatabaseQueue? in
            guard !slot.busy, !slot.unavailable else { return nil }
            if slot.connection == nil {
                do {
                    slot.connection = try DatabaseQueue(path: path, configuration: configuration)
                } catch {
                    slot.unavailable = true
                    return nil
                }
            }
            slot.busy = true
            return slot.connection
        }
    }
}

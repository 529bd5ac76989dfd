import GRDB
import GRDBSQLite
import Synchronization

/// How full the write-ahead log is after each of the writer's commits, told by the writer itself
/// (SQLite's WAL hook), so that `BackgroundCheckpointer` copies the log back while it is still
/// short, from a connection of its own, instead of a commit doing it while writes wait.
///
/// The hook takes the place of SQLite's automatic checkpoint (itself a WAL hook), so it keeps
/// SQLite's rule as a backstop: a commit that leaves the log at `backstop` frames or more
/// checkpoints in place, as SQLite would, should the background ever fall behind.
final class WALFill: Sendable {
    /// Frames (pages) in the log from which the background checkpointer is called.
    let threshold: Int32
    let backstop: Int32
    /// At most one call is buffered: a checkpoint copies everything committed before it.
    let calls: AsyncStream<Void>
    private let caller: AsyncStream<Void>.Continuation
    private let frames = Atomic<Int>(0)

    init(threshold: Int32, backstop: Int32) {
        self.threshold = threshold
        self.backstop = backstop
        (calls, caller) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Frames in the log after the writer's last commit (0 before the first).
    var current: Int { frames.load(ordering: .relaxed) }

    /// Installs the hook on the writer's connection. The database's configuration holds `self`
    /// for as long as the connection lives, so the unretained pointer stays valid.
    func install(on db: Database) {
        sqlite3_wal_hook(db.sqliteConnection, { context, connection, schema, frameCount in
            let fill = Unmanaged<WALFill>.fromOpaque(context!).takeUnretainedValue()
            fill.committed(frameCount, connection: connection, schema: schema)
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    private func committed(_ frameCount: Int32, connection: OpaquePointer?, schema: UnsafePointer<CChar>?) {
        frames.store(Int(frameCount), ordering: .relaxed)
        if frameCount >= backstop {
            sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
        } else if frameCount >= threshold {
            caller.yield()
        }
    }
}

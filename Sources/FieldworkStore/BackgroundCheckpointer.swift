import FieldworkCore
import Foundation
import GRDB

/// Copies committed pages from the write-ahead log back into the database file, on a timer and
/// from a connection of its own.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold (1,000 pages),
/// so one request in a few hundred paid for copying and syncing the log: the coding-write p99.
/// A passive checkpoint never blocks readers or the writer, so here it costs requests nothing.
/// Used by the long-running server, which runs it as one of its services (started with the
/// server, cancelled on shutdown); short CLI commands keep SQLite's automatic checkpoints.
public struct BackgroundCheckpointer: StoreHousekeeping {
    private let connection: DatabaseQueue
    private let interval: Duration

    init(path: String, every interval: Duration) throws {
        var configuration = Configuration()
        configuration.label = "fieldwork.checkpointer"
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = interval
    }

    /// Checkpoints every `interval` until cancelled, then once more, so that a server stopped
    /// gracefully leaves its changes in the database file rather than in the log.
    public func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { break }
            await checkpoint()
        }
        // Outside the cancelled task: GRDB's async access refuses to start in a cancelled one.
        await Task { await checkpoint() }.value
    }

    /// One passive checkpoint; a failure (another checkpoint running) is retried on the next tick.
    func checkpoint() async {
        _ = try? await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
    }
}

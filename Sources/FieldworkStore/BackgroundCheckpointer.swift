import Foundation
import GRDB

/// Copies committed pages from the write-ahead log back into the database file, on a timer and
/// from a connection of its own.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the threshold (1,000 pages),
/// so one request in a few hundred paid for copying and syncing the log: the coding-write p99.
/// A passive checkpoint never blocks readers or the writer, so here it costs requests nothing.
/// Used by the long-running server; short CLI commands keep SQLite's automatic checkpoints.
final class BackgroundCheckpointer: Sendable {
    private let task: Task<Void, Never>

    init(path: String, every interval: Duration) throws {
        var configuration = Configuration()
        configuration.label = "fieldwork.checkpointer"
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        task = Task.detached(priority: .utility) {
            while true {
                do { try await Task.sleep(for: interval) } catch { break }  // cancelled
                _ = try? await connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
        }
    }

    deinit {
        task.cancel()
    }
}

import FieldworkCore
import Foundation
import GRDB

/// Copies committed pages from the write-ahead log back into the database file when writing
/// pauses, from a connection of its own.
///
/// While writes flow, SQLite's own checkpoint inside the commit that fills the log past 2,000
/// pages (`AppDatabase`) does the copying. Measured under 5,000 coding writes a second (release,
/// `write_bench`), a checkpoint from this connection stalled every write for 25–30 ms while it
/// synced the files (p99 35–41 ms); in-commit checkpoints cost their commits a few milliseconds
/// (p99 13–20 ms). So each tick asks SQLite whether anyone committed since the last one
/// (`PRAGMA data_version`) and runs a passive checkpoint only after a quiet interval,
/// so that an idle server's changes reach the database file. Used by the long-running server,
/// which runs it as one of its services (started with the server, cancelled on shutdown); short
/// CLI commands keep SQLite's automatic checkpoints alone.
public struct BackgroundCheckpointer: StoreHousekeeping {
    private let connection: DatabaseQueue
    private let interval: Duration

    init(path: String, every interval: Duration) throws {
        var configuration = Configuration()
        configuration.label = "fieldwork.checkpointer"
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = interval
    }

    /// Ticks every `interval` until cancelled, then checkpoints once more, so that a server
    /// stopped gracefully leaves its changes in the database file rather than in the log.
    public func run() async {
        var quiet = QuietWatch()
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { break }
            await tick(&quiet)
        }
        // Outside the cancelled task: GRDB's async access refuses to start in a cancelled one.
        await Task { await checkpoint() }.value
    }

    /// One tick: a passive checkpoint if nobody committed since the previous tick and something
    /// was committed since the last checkpoint. A failure (another checkpoint running) is
    /// retried on a later tick.
    func tick(_ quiet: inout QuietWatch) async {
        guard let version = try? await connection.read({ db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) ?? nil,
              quiet.shouldCheckpoint(at: version) else { return }
        if await checkpoint() { quiet.checkpointed(at: version) }
    }

    /// A passive checkpoint; true when it copied the whole log (a reader on an older snapshot
    /// can hold some of it back: then a later quiet tick tries again).
    @discardableResult
    func checkpoint() async -> Bool {
        guard let result = try? await connection.writeWithoutTransaction({ db in try db.checkpoint(.passive) }) else { return false }
        return result.checkpointedFrameCount == result.walFrameCount
    }
}

/// When the log may be copied back: after a tick with no commit, once per quiet spell.
/// `PRAGMA data_version` changes on a connection whenever another connection commits.
struct QuietWatch {
    private var lastSeen: Int?
    private var checkpointed: Int?

    /// Whether to checkpoint now, given the version this tick reads.
    mutating func shouldCheckpoint(at version: Int) -> Bool {
        defer { lastSeen = version }
        return version == lastSeen && version != checkpointed
    }

    mutating func checkpointed(at version: Int) {
        checkpointed = version
    }
}

import FieldworkCore
import Foundation
import GRDB

/// Copies committed pages from the write-ahead log back into the database file, from a
/// connection of its own, so that no commit has to.
///
/// Two things call it: the writer's commits once the log passes a threshold (`WALFill`, 1,000
/// pages), and a timer that, once writing pauses, copies what is left so that an idle server's
/// changes reach the database file (`PRAGMA data_version` tells whether anyone committed since
/// the previous tick). A passive checkpoint from here does not stop the writer: measured at 6,000
/// coding writes a second (release, `write_bench`, session 14), p99 6.2-8.2 ms against
/// 10.8-12.3 ms with SQLite's checkpoints inside the commits. (An earlier version, ticking once a
/// second into a log of thousands of pages, stalled writes for 25-30 ms per checkpoint: a short
/// log is what keeps each copy and its sync small.) Used by the long-running server, which runs
/// it as one of its services (started with the server, cancelled on shutdown; `run` once per
/// database), and by `fieldwork ingest` while it writes (the copies were 8 % of its writer
/// thread, session 34); other CLI commands keep SQLite's automatic checkpoints alone.
public struct BackgroundCheckpointer: StoreHousekeeping {
    private let connection: DatabaseQueue
    private let interval: Duration
    private let fill: WALFill?

    init(path: String, every interval: Duration, fill: WALFill?) throws {
        var configuration = Configuration()
        configuration.label = "fieldwork.checkpointer"
        connection = try DatabaseQueue(path: path, configuration: configuration)
        self.interval = interval
        self.fill = fill
    }

    /// Checkpoints when called by the writer and ticks every `interval` until cancelled, then
    /// checkpoints once more, so that a server stopped gracefully leaves its changes in the
    /// database file rather than in the log.
    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await tickUntilCancelled() }
            if let fill { group.addTask { await answerCalls(from: fill) } }
        }
        // Outside the cancelled task: GRDB's async access refuses to start in a cancelled one.
        _ = await Task { await checkpoint() }.value
    }

    private func tickUntilCancelled() async {
        var quiet = QuietWatch()
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { break }
            await tick(&quiet)
        }
    }

    /// One checkpoint per call; a log that a reader's old snapshot keeps long calls on every
    /// commit, so calls are taken at most every 5 ms.
    private func answerCalls(from fill: WALFill) async {
        for await _ in fill.calls {
            await checkpoint()
            do { try await Task.sleep(for: .milliseconds(5)) } catch { break }
        }
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

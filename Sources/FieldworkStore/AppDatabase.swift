import Foundation
import GRDB

/// The Fieldwork database: a GRDB writer with the schema migrated.
///
/// On disk it is a WAL-mode `DatabasePool` (readers never block the writer, which the web
/// server relies on); tests may pass an in-memory `DatabaseQueue`.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    /// The server's background checkpoints (nil for short commands and tests): its owner runs it.
    public let housekeeping: BackgroundCheckpointer?
    /// Search's BM25 statistics, kept while the full-text index is unchanged (`BM25Ranking`).
    let phraseHits = PhraseHitCounts()
    /// The texts coding writes cut their windows from, kept per document stamp.
    let documentTexts = DocumentTextCache()
    /// Document opens answered without a read while nothing changed (a database file only).
    let unchangedOpens: UnchangedOpens?
    /// Short reads on the request's thread when a connection is free at once (a database file only).
    let immediateReaders: ImmediateReaders?
    /// Short writes on the request's thread when the database is free at once (a database file only).
    let immediateWriter: ImmediateWriter?

    public init(_ writer: any DatabaseWriter) throws {
        try self.init(writer, checkpointer: nil)
    }

    private init(_ writer: any DatabaseWriter, checkpointer: BackgroundCheckpointer?) throws {
        self.writer = writer
        self.housekeeping = checkpointer
        unchangedOpens = (writer as? DatabasePool).map { UnchangedOpens(path: $0.path) }
        immediateReaders = (writer as? DatabasePool).map { ImmediateReaders(path: $0.path) }
        immediateWriter = (writer as? DatabasePool).map { ImmediateWriter(path: $0.path, configuration: $0.configuration) }
        try AppDatabase.migrator.migrate(writer)
        try TelemetryImportJournal(writer: writer).recoverIfUnattended()
    }

    /// When the write-ahead log is copied back into the database file.
    public enum Checkpoints: Sendable {
        /// By SQLite, inside the commit that fills the log past 1,000 pages: for short commands.
        case automatic
        /// By a connection of its own (`BackgroundCheckpointer`), called by the writer's commits
        /// once the log passes 1,000 pages and by a timer once writes pause: for the server, and
        /// for an ingest while it runs its housekeeping.
        case background(every: Duration)
    }

    /// Opens (creating if needed) the database file, readable by its owner only: transcripts
    /// hold sensitive personal data. SQLite gives the -wal and -shm files the same mode.
    public static func open(path: String, checkpoints: Checkpoints = .automatic) throws -> AppDatabase {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        if !manager.fileExists(atPath: directory) {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                        attributes: [.posixPermissions: 0o700])
        }
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        switch checkpoints {
        case .automatic:
            return try AppDatabase(DatabasePool(path: path, configuration: makeConfiguration()))
        case .background(let interval):
            var configuration = makeConfiguration()
            // The writer's commits call the checkpointer at 1,000 pages (4 MB of log) and checkpoint
            // themselves only past 4,000 (SQLite's rule, as a backstop). Measured (release,
            // `write_bench`, session 14): SQLite's own checkpoint inside every commit that filled
            // the log past 2,000 pages, 8-9 a second at 6,000 writes/s, held each of the 16
            // connections' writes while it synced the files: p99 10.8-12.3 ms; called in the
            // background at 250, 500 or 1,000 pages: p99 6.2-8.2 ms. A checkpoint copies each page
            // once however often it changed, and a coding write changes the same few pages (the
            // tables' last leaves, the document's index pages): 1,000 rather than 500 pages costs
            // about 2 % less server CPU per write (`bench/ab_writes.py`, session 33: B/A 0.977
            // with 8 clients, 0.981 under wrk, p99 no worse). The log file is cut back to 64 MB
            // when it is reset.
            let fill = WALFill(threshold: 1000, backstop: 4000)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
                if !db.configuration.readonly { fill.install(on: db) }
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try AppDatabase(pool, checkpointer: try BackgroundCheckpointer(path: path, every: interval, fill: fill))
        }
    }

    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Two coders in two tabs, or a CLI import beside the server: wait for the other writer
        // (up to 5 s) instead of failing at once, trying every millisecond so that the short
        // gaps a long import leaves between its transactions are not missed (SQLite's own
        // timeout handler sleeps up to 100 ms between tries).
        configuration.busyMode = .callback { tries in
            guard tries < 5_000 else { return false }
            usleep(1_000)
            return true
        }
        configuration.prepareDatabase { db in
            // NORMAL is safe in WAL mode (a crash may lose the last commits, never corrupt).
            // A larger page cache keeps a whole ingest transaction from spilling to the WAL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
            try BM25Ranking.register(db)
        }
        return configuration
    }
}

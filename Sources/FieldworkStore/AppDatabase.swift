import Foundation
import GRDB

/// The Fieldwork database: a GRDB writer with the schema migrated.
///
/// On disk it is a WAL-mode `DatabasePool` (readers never block the writer, which the web
/// server relies on); tests may pass an in-memory `DatabaseQueue`.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter

    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try AppDatabase.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the database file, readable by its owner only: transcripts
    /// hold sensitive personal data. SQLite gives the -wal and -shm files the same mode.
    public static func open(path: String) throws -> AppDatabase {
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
        return try AppDatabase(DatabasePool(path: path, configuration: makeConfiguration()))
    }

    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: makeConfiguration()))
    }

    static func makeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Two coders in two tabs: wait for the other writer instead of failing at once.
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // NORMAL is safe in WAL mode (a crash may lose the last commits, never corrupt).
            // A larger page cache keeps a whole ingest transaction from spilling to the WAL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY")
        }
        return configuration
    }
}

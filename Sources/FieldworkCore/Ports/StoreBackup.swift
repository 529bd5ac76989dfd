/// A store that can copy itself to a single file while it is in use, and be replaced by such a
/// copy. The SQLite store does it with SQLite's online backup; a server database is backed up
/// with its own tools (`pg_dump`).
public protocol StoreBackup: Sendable {
    /// Writes a consistent copy of the whole store, as of one moment, to a new file at `path`
    /// without stopping other readers and writers.
    func backup(toNewFile path: String) async throws -> StoreBackupSummary
    /// Checks that `path` holds a sound backup this version can read (nothing is changed).
    func inspectBackup(at path: String) async throws -> StoreBackupSummary
    /// The participant ids a sound backup holds (its register and its documents' participants).
    func participantIDs(inBackupAt path: String) async throws -> Set<String>
    /// Replaces the store's content by the backup's, then brings its schema up to date.
    func restore(fromFile path: String) async throws -> StoreBackupSummary
}

/// What a backup holds: enough to tell two backups apart and to see that nothing was lost.
public struct StoreBackupSummary: Sendable, Codable, Equatable {
    public var documents = 0
    public var codings = 0
    public var memos = 0
    public var readings = 0
    /// The last schema migration the backup had.
    public var schema = ""
    public var bytes: Int64 = 0

    public init() {}
}

/// A file that is not a usable backup, with the reason in one line.
public struct StoreBackupError: Error, CustomStringConvertible {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(problem)" }
}

import FieldworkCore

/// A SQLite file is never a replica: it is the workspace's own (`serve --read-only` serves it
/// read-only on request).
extension SQLiteStore {
    public func isReadOnlyReplica() async throws -> Bool { false }
}

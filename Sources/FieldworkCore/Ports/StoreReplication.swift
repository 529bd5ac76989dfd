/// Whether the store is a read-only copy of another that it keeps replaying (a PostgreSQL hot
/// standby): a server on it serves reading only (`fieldwork serve`, README "Hot standby").
public protocol StoreReplication: Sendable {
    /// True while the database replays a primary and refuses every write.
    func isReadOnlyReplica() async throws -> Bool
}

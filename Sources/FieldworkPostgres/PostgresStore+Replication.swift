import FieldworkCore
import PostgresNIO

/// A hot standby (`pg_is_in_recovery()`): the schema is checked there, never migrated
/// (`PostgresMigrations`), and a server on it serves reading only.
extension PostgresStore {
    public func isReadOnlyReplica() async throws -> Bool {
        try await read { connection in
            try await connection.row("SELECT pg_is_in_recovery() AS standby", logger)?.get("standby", as: Bool.self) ?? false
        }
    }
}

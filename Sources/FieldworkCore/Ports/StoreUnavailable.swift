/// The study's database cannot be used just now: its server stopped or cannot be reached, it
/// refuses this login, or the database is not there. Not a fault of the request: the web answers
/// 503 and says only that the database is unavailable; the CLI and the server's log name the
/// database and the cause.
public struct StoreUnavailable: Error, Sendable, CustomStringConvertible {
    /// Where the database is, without a password (`postgresql://fw@db.example:5432/study`).
    public let store: String
    /// The database's own reason, in one line (`PostgreSQL: database "study" does not exist (SQLSTATE 3D000)`).
    public let cause: String

    public init(store: String, cause: String) {
        self.store = store
        self.cause = cause
    }

    public var description: String { "the study's database \(store) is unavailable: \(cause)" }
}

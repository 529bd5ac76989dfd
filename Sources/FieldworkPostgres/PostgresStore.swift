import FieldworkCore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The PostgreSQL implementation of `FieldworkStore`, for a team server: one database per study.
///
/// The same rules as the SQLite store. Writes are serialized by one transaction-level advisory
/// lock taken first in every write transaction, as SQLite's single writer serializes them, so
/// the read-check-write steps (optimistic versions, duplicate codings, the codebook's stranded
/// codes) need no further locking and behave identically; reads run beside them (MVCC).
public final class PostgresStore: FieldworkStore, Sendable {
    /// Every researcher's workspace ingests into the team's database.
    public var sharedByWorkspaces: Bool { true }
    let client: PostgresClient
    let logger: Logger
    /// The server and database, for PostgreSQL's own tools (`pg_dump`, `pg_restore`, `psql`).
    let target: PostgresURL.Target
    private let runner: Task<Void, Never>
    /// The schema migration, run once, before the first query (see `open`).
    private let migration = Mutex<Task<Void, any Error>?>(nil)

    /// The advisory-lock key of the store's one writer ("fieldwrk" in ASCII).
    static let writeLockKey: Int = 0x6669_656C_6477_726B

    /// Connects to `url` (`postgresql://user:password@host:port/database`) and brings the
    /// schema up to date.
    public static func connect(url: String, logger: Logger = Logger(label: "fieldwork.postgres")) async throws -> PostgresStore {
        let store = try open(url: url, logger: logger)
        do {
            try await store.migrated()
        } catch {
            store.close()
            throw error
        }
        return store
    }

    /// The store at `url`, without waiting for the server: the first query connects and brings
    /// the schema up to date (a server that cannot be reached fails that query). For the CLI and
    /// server start-up, which open their store synchronously.
    public static func open(url: String, logger: Logger = Logger(label: "fieldwork.postgres")) throws -> PostgresStore {
        PostgresStore(target: try PostgresURL.target(url), logger: logger)
    }

    /// Waits for the schema migration, starting it on first use; a failed one is tried again next time.
    func migrated() async throws {
        let task = migration.withLock { task in
            if let task { return task }
            // One connection of its own first: a server that cannot be used says why at once
            // (`requireReachable`), where the pool would retry for a minute and name only its breaker.
            let started = Task {
                try await self.requireReachable()
                try await PostgresMigrations.migrate(self)
            }
            task = started
            return started
        }
        do {
            try await task.value
        } catch {
            migration.withLock { if $0 == task { $0 = nil } }
            throw error
        }
    }

    private init(target: PostgresURL.Target, logger: Logger) {
        // The pool's own messages from warnings up only: "run() hasn't been called yet" is a
        // harmless race of the first query with the pool's task starting.
        var background = logger
        background.logLevel = .error
        client = PostgresClient(configuration: PostgresURL.configuration(target), backgroundLogger: background)
        self.logger = logger
        self.target = target
        let client = client
        runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    /// Closes the connection pool (also when the store is released).
    public func close() { runner.cancel() }

    /// Runs `body` in a write transaction: everything or nothing, one writer at a time. An error
    /// `body` throws reaches the caller unchanged (a `StoreError` stays a `StoreError`).
    func write<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await migrated()
        return try await writeTransaction(body)
    }

    /// A write transaction without waiting for the migration (the migration's own).
    func writeTransaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await transaction("BEGIN") { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.writeLockKey))", logger: logger)
            return try await body(connection)
        }
    }

    /// A write transaction in which `body` takes the advisory locks itself, in its own order:
    /// for work too long to hold the writer's lock throughout (a telemetry import takes it only
    /// to commit) and for work that must wait for such work first (an erasure).
    func writeTakingLocks<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await migrated()
        return try await transaction("BEGIN", body)
    }

    /// Takes the advisory lock `key` until the end of the current transaction.
    func lock(_ key: Int, _ connection: PostgresConnection) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(key))", logger: logger)
    }

    /// Runs `body` on one snapshot of the database (a read-only repeatable-read transaction):
    /// several queries see the same state, as in one SQLite read.
    func read<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await migrated()
        return try await readTransaction(body)
    }

    /// A read transaction without waiting for the migration (the migration's check of a standby).
    func readTransaction<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// `body` between `begin` and COMMIT on one pooled connection, rolled back if it throws.
    private func transaction<Result: Sendable>(_ begin: PostgresQuery,
                                               _ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        try await leased { connection in
            try await connection.query(begin, logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }
}

extension PostgresConnection {
    /// Every row of `query`, for reading by column name.
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await self.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }

    func row(_ query: PostgresQuery, _ logger: Logger) async throws -> PostgresRandomAccessRow? {
        try await rows(query, logger).first
    }

    func run(_ query: PostgresQuery, _ logger: Logger) async throws {
        _ = try await self.query(query, logger: logger).collect()
    }
}

/// What went wrong on the server or the connection, in one line: PostgresNIO's own description
/// is deliberately generic, and its debug description carries the query. This names the
/// server's message and SQLSTATE (no query, no bound values: they may hold transcript text).
public struct PostgresServerError: Error, CustomStringConvertible {
    public let sqlState: String?
    public let message: String
    /// No server answer to name: the connection could not be made, or broke (`lostConnection`).
    let connectionLevel: Bool

    init(_ error: PSQLError) {
        sqlState = error.serverInfo?[.sqlState]
        connectionLevel = [.connectionError, .serverClosedConnection, .uncleanShutdown, .sslUnsupported, .failedToAddSSLHandler,
                           .authMechanismRequiresPassword, .unsupportedAuthMechanism, .saslError].contains(error.code)
        if error.code == .authMechanismRequiresPassword {
            // PostgresNIO's words name only its own case; the remedy is the environment (README).
            message = "the server asks for a password and none was given: set PGPASSWORD (the password never goes in the URL)"
        } else {
            message = error.serverInfo?[.message] ?? "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
    }

    public var description: String {
        "PostgreSQL: \(message)" + (sqlState.map { " (SQLSTATE \($0))" } ?? "")
    }

    static func mapping<Result>(_ body: () async throws -> Result) async throws -> Result {
        do {
            return try await body()
        } catch let error as PSQLError {
            throw PostgresServerError(error)
        }
    }
}

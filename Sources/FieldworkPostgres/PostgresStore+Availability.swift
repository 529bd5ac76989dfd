import _ConnectionPoolModule
import FieldworkCore
import Foundation
import PostgresNIO
import Synchronization

/// Whether the database can be used, said at once and with PostgreSQL's reason.
///
/// The connection pool keeps trying a server that does not answer (or refuses the login, or
/// lacks the database) for about a minute before it fails what waits, naming only its circuit
/// breaker (`connectionCreationCircuitBreakerTripped`): every command hung for a minute and then
/// said nothing useful, and a server whose cluster stopped answered 500 to everything. Here the
/// first use of a store opens one connection of its own first (`probe`, as `init --store` does),
/// a request that has waited `patience` for a pooled connection checks the server the same way,
/// and the pool's and the connection's own failures become `StoreUnavailable` with the cause.
extension PostgresStore {
    /// How long a request waits for a pooled connection before it checks the server: a busy pool
    /// hands one over within milliseconds (README, "Connection pool").
    static let patience = Duration.seconds(3)

    /// Throws `StoreUnavailable` naming why the database cannot be used (one connection of its own).
    func requireReachable() async throws {
        do {
            try await Self.probe(target, logger: logger)
        } catch {
            throw StoreUnavailable(store: target.shown, cause: "\(error)")
        }
    }

    /// `body` on a pooled connection, failing with `StoreUnavailable` when the server cannot be
    /// used: at once when the connection is lost, after `patience` when none can be made.
    func leased<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do {
            return try await PostgresServerError.mapping { try await watched(body) }
        } catch let error as PostgresServerError where error.lostConnection {
            throw StoreUnavailable(store: target.shown, cause: error.description)
        } catch let error as ConnectionPoolError where error == .connectionCreationCircuitBreakerTripped {
            // The pool gave up connecting; its error does not say why, a connection of our own does.
            try await requireReachable()
            throw StoreUnavailable(store: target.shown, cause: "no connection could be made for a minute (the server answers again now)")
        }
    }

    /// Runs `body` in a child task beside a watch that, once the lease has waited `patience`,
    /// tries a connection of its own: if that fails too, the request fails with its reason (and
    /// the wait for the pool is cancelled); if it succeeds, the pool is only busy and the request
    /// waits on. The body itself is never timed: a long report or import runs as long as it must.
    private func watched<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        let leased = LeaseFlag()
        return try await withoutActuallyEscaping(body) { body in
            let work = UncheckedBody(body: body)
            return try await withThrowingTaskGroup(of: Result?.self) { group in
                group.addTask {
                    try await self.client.withConnection { connection in
                        leased.set()
                        return try await work.body(connection)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: Self.patience)
                    guard !leased.isSet else { return nil }
                    do {
                        try await Self.probe(self.target, logger: self.logger)
                    } catch let error as PostgresServerError where error.sqlState == "53300" {
                        return nil  // too many connections: the server is there, only full
                    } catch {
                        throw StoreUnavailable(store: self.target.shown, cause: "\(error)")
                    }
                    return nil
                }
                while let next = try await group.next() {
                    if let result = next {
                        group.cancelAll()
                        return result
                    }
                }
                throw CancellationError()  // both tasks ended without a result: only when cancelled
            }
        }
    }
}

/// Set once the pool has handed the request its connection.
private final class LeaseFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}

/// The transaction's body, run in a child task that ends before `watched` returns
/// (`withoutActuallyEscaping`); only that task calls it.
private struct UncheckedBody<Result>: @unchecked Sendable {
    let body: (PostgresConnection) async throws -> Result
}

extension PostgresServerError {
    /// The connection broke or could not be made: the server stopped (SQLSTATE 57P01–57P03),
    /// the network or socket failed (class 08, or no server answer at all), the database went
    /// away (3D000) or the login is no longer accepted (class 28). Not an error of the request.
    var lostConnection: Bool {
        if let sqlState {
            return sqlState.hasPrefix("08") || sqlState.hasPrefix("28") || ["57P01", "57P02", "57P03", "3D000"].contains(sqlState)
        }
        return connectionLevel
    }
}

import FieldworkCore
@testable import FieldworkPostgres
import FieldworkStore
import Foundation
import Synchronization
import Logging
import PostgresNIO
import Testing

/// The stores the contract runs against: SQLite always; PostgreSQL when
/// FIELDWORK_TEST_POSTGRES_URL names a server (`make test` starts a throwaway cluster and sets
/// it: scripts/postgres-cluster.sh), each test on a database of its own, dropped afterwards.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    var testDescription: String { rawValue }

    static let postgresURL = ProcessInfo.processInfo.environment["FIELDWORK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static var available: [StoreKind] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql] }
}

/// A fresh, empty store of one kind, with its storage, which a test may open again (`reopen`)
/// to see that what it wrote was stored, not just cached.
final class StoreUnderTest: Sendable {
    let kind: StoreKind
    private let location: String
    private let opened = Mutex<[PostgresStore]>([])

    private init(kind: StoreKind, location: String) {
        self.kind = kind
        self.location = location
    }

    /// Runs `body` with a fresh store of `kind`; its storage is deleted afterwards.
    static func with<Result>(_ kind: StoreKind, _ body: (StoreUnderTest, any FieldworkStore) async throws -> Result) async throws -> Result {
        let subject: StoreUnderTest
        switch kind {
        case .sqlite:
            subject = StoreUnderTest(kind: kind, location: FileManager.default.temporaryDirectory
                .appending(path: "contract-\(UUID().uuidString)/fieldwork.sqlite").path)
        case .postgresql:
            let name = "fieldwork_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Self.admin { try await $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)")) }
            subject = StoreUnderTest(kind: kind, location: name)
        }
        do {
            let result = try await body(subject, try await subject.reopen())
            await subject.dispose()
            return result
        } catch {
            await subject.dispose()
            throw error
        }
    }

    /// The store, opened (again) on the same storage.
    func reopen() async throws -> any FieldworkStore {
        switch kind {
        case .sqlite:
            return SQLiteStore(try AppDatabase.open(path: location))
        case .postgresql:
            let store = try await PostgresStore.connect(url: try postgresURL(database: location))
            opened.withLock { $0.append(store) }
            return store
        }
    }

    private func dispose() async {
        switch kind {
        case .sqlite:
            try? FileManager.default.removeItem(atPath: (location as NSString).deletingLastPathComponent)
        case .postgresql:
            for store in opened.withLock({ $0 }) { store.close() }
            try? await Self.admin { try await $0.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(location) WITH (FORCE)")) }
        }
    }

    private func postgresURL(database: String) throws -> String {
        let base = try #require(StoreKind.postgresURL)
        var components = try #require(URLComponents(string: base))
        components.path = "/" + database
        return try #require(components.string)
    }

    /// Runs `body` on a client connected to the server's `postgres` database (the URL's).
    private static func admin(_ body: (PostgresClient) async throws -> Void) async throws {
        let client = PostgresClient(configuration: try PostgresURL.configuration(try #require(StoreKind.postgresURL)))
        let runner = Task { await client.run() }
        defer { runner.cancel() }
        try await body(client)
    }
}

import FieldworkCore
@testable import FieldworkPostgres
import Foundation
import PostgresNIO
import Testing

/// What only the PostgreSQL store has: its migrations table, the server's character functions
/// counting Unicode scalars, an append-only history enforced by the server, and the methods not
/// yet ported, which say so.
@Suite(.enabled(if: StoreKind.postgresURL != nil, "FIELDWORK_TEST_POSTGRES_URL is not set (make test sets it)"))
struct PostgresOnlyTests {
    private func withStore(_ body: (PostgresStore) async throws -> Void) async throws {
        try await StoreUnderTest.with(.postgresql) { _, store in try await body(try #require(store as? PostgresStore)) }
    }

    @Test func migrationsAreRecordedOnceInTheirOwnTable() async throws {
        try await StoreUnderTest.with(.postgresql) { subject, store in
            let postgres = try #require(store as? PostgresStore)
            let applied = try await postgres.appliedMigrations()
            #expect(applied.first == "v1-text-search-configurations" && applied.count == PostgresMigrations.all.count)
            _ = try await subject.reopen()  // opening again applies nothing twice
            #expect(try await postgres.appliedMigrations() == applied)
        }
    }

    /// `substr` and `length` in a UTF8 database count scalars: an emoji, each part of a ZWJ
    /// sequence and skin-tone modifier, and a decomposed letter's combining mark.
    @Test func theServerCountsUnicodeScalars() async throws {
        try await withStore { store in
            let samples = ["👍", "👩‍👩‍👧", "👍🏽", "e\u{301}", "Å", "å", "🇸🇪", "a\u{0}b".replacingOccurrences(of: "\u{0}", with: "")]
            for sample in samples {
                let row = try await store.read { connection in
                    try await connection.row("""
                        SELECT length(\(sample)) AS n, substr(\("x" + sample + "y"), 2, \(sample.unicodeScalars.count)::integer) AS cut
                        """, store.logger)
                }
                #expect(try row?.get("n", as: Int.self) == sample.unicodeScalars.count)
                #expect(try row?.get("cut", as: String.self) == sample)
            }
        }
    }

    @Test func theCodingHistoryCannotBeRewritten() async throws {
        try await withStore { store in
            let text = "Kaffe med grannen."
            _ = try await store.applyDocuments([Fixtures.change("n1", text: text, hash: "a")])
            try await store.insertCoding(Fixtures.coding("c-1", in: text, span: 0..<5))
            for sql in ["UPDATE coding_event SET by = 'Eve'", "DELETE FROM coding_event", "TRUNCATE coding_event"] {
                await #expect(throws: PostgresServerError.self) {
                    try await store.write { connection in try await connection.run(PostgresQuery(unsafeSQL: sql), store.logger) }
                }
            }
            #expect(try await store.codingHistory(id: "c-1")?.first?.by == "Anna")
        }
    }

    @Test func methodsNotYetPortedSaySo() async throws {
        try await withStore { store in
            await #expect(throws: NotYetSupportedOnPostgres(feature: "telemetry devices")) { _ = try await store.telemetryDevices() }
            await #expect(throws: NotYetSupportedOnPostgres.self) {
                _ = try await store.erase(StoreErasure(participantID: "R01", passages: [:], documentIDs: []))
            }
            #expect(throws: NotYetSupportedOnPostgres.self) {
                try store.importTelemetry(source: "x", devices: []) { _ in 0 }
            }
            #expect(NotYetSupportedOnPostgres(feature: "erasure").description.hasPrefix("not yet supported on PostgreSQL: erasure"))
        }
    }

    @Test func aBadStoreURLIsOneClearLine() async throws {
        for (url, problem) in [("mysql://x@h/db", "not a postgresql:// URL"), ("postgresql://h/db", "no user name"),
                               ("postgresql://u@h/", "no database name")] {
            #expect(throws: PostgresURL.Invalid.self) { _ = try PostgresURL.configuration(url) }
            do { _ = try PostgresURL.configuration(url) } catch { #expect("\(error)".contains(problem)) }
        }
    }
}

import FieldworkCore
@testable import FieldworkPostgres
import Foundation
import PostgresNIO
import Synchronization
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

    /// Issue 14, defect 3, on PostgreSQL: a long telemetry import stores its readings in one
    /// transaction without the writer's lock, so other writes go through while it is open (and
    /// none of its readings is visible until it commits).
    @Test func writesGoThroughWhileATelemetryImportStoresItsReadings() async throws {
        try await withStore { store in
            let device = TelemetryDevice(name: "r01-plug", solutionID: "smart-plug", participantID: "R01")
            let readings = 200_000
            let finished = Flag()
            let importer = Task {
                defer { finished.raise() }
                return try await store.importTelemetry(source: "big.csv", devices: [device]) { writer in
                    let id = writer.deviceID(named: "r01-plug")!
                    let metric = try writer.metricID(name: "power", unit: "W")
                    for second in 0..<Int64(readings) {
                        try writer.insert(device: id, metric: metric, time: 1_756_425_600_000 + second * 1000,
                                          value: Double(second % 2000), sum: nil)
                    }
                }.stored
            }
            var writes = 0, interleaved = 0, partlyVisible = 0
            repeat {
                try await store.insertMemo(Memo(id: "m-\(writes)", target: .project, targetID: "", author: "Anna",
                                                text: "medan importen pågår", createdAt: Coding.timestamp()))
                writes += 1
                // Stored while the import's transaction was open and writing readings. The
                // snapshot is taken by the first query, before the look at the import, which
                // sees only this test's database: other tests of the cluster import too.
                let (visible, importing) = try await store.read { connection in
                    let visible = try await connection.row("SELECT count(*) AS n FROM reading", store.logger)!.get("n", as: Int.self)
                    let importing = try await connection.row("""
                        SELECT count(*) AS n FROM pg_stat_activity
                        WHERE datname = current_database() AND backend_xid IS NOT NULL
                          AND query LIKE '%INSERT INTO reading (%' AND pid <> pg_backend_pid()
                        """, store.logger)!.get("n", as: Int.self)
                    return (visible, importing)
                }
                if importing > 0 {
                    interleaved += 1
                    if visible > 0 { partlyVisible += 1 }
                }
            } while !finished.isRaised
            #expect(try await importer.value == readings)
            #expect(interleaved > 0, "no write went through while the import's transaction was open")
            #expect(partlyVisible == 0)
            #expect(try await store.telemetryReadingCount() == readings)
            #expect(try await store.memos(target: .project, targetID: nil).count == writes)
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

/// A one-way switch one task raises and another watches.
private final class Flag: Sendable {
    private let raised = Mutex(false)
    func raise() { raised.withLock { $0 = true } }
    var isRaised: Bool { raised.withLock { $0 } }
}

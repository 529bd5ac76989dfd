import FieldworkCore
@testable import FieldworkStore
import Foundation
import GRDB
import Testing

/// What only the SQLite store has (its file, WAL, FTS5 index and checkpointer); the behaviour
/// every store shares is tested against both stores in FieldworkStoreContractTests.
@Suite struct SQLiteStoreTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "store-\(UUID().uuidString)/fieldwork.sqlite").path

    private func change(_ id: String, text: String, hash: String) -> DocumentChange {
        let segments = Segmenter(type: .note).segment(text.components(separatedBy: "\n\n").enumerated().map {
            TextBlock(kind: .paragraph, text: $1, lineStart: $0 * 2 + 1, lineEnd: $0 * 2 + 1)
        })
        return DocumentChange(
            file: SourceFileState(path: "corpus/\(id).md", contentHash: hash, documentID: id, parserVersion: 1),
            metadata: DocumentMetadata(id: id, type: .note, title: "T"), text: segments)
    }

    @Test func dataSurvivesReopeningAndMigrationsAreRecorded() async throws {
        do {
            let store = SQLiteStore(try AppDatabase.open(path: path))
            _ = try await store.applyDocuments([change("n1", text: "Första stycket.\n\nAndra.", hash: "a")])
        }
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        #expect(try await store.counts().documents == 1)
        #expect(try await store.segments(documentID: "n1").count == 2)
        let applied = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(Array(applied.prefix(2)) == ["v1-foundation", "v2-memos"])  // later migrations append
        let journal = try await database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    @Test func fullTextIndexStaysConsistentAcrossUpdates() async throws {
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        _ = try await store.applyDocuments([change("n1", text: "Dörrsensor 👩‍👩‍👧 på natten.\n\nKaffe e\u{301}.", hash: "a")])
        let results = try await store.applyDocuments([change("n1", text: "Kaffe 👍🏽 med grannen.\n\nInget mer.", hash: "b")])
        #expect(results.map(\.outcome) == [.updated])
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO segment_fts(segment_fts, rank) VALUES ('integrity-check', 1)")
        }
        #expect(try await store.search(SearchQuery("dörrsensor")).isEmpty)
        #expect(try await store.search(SearchQuery("grannen")).count == 1)
        #expect(try await store.document(id: "n1")?.revision == 2)
    }

    /// Search ranks with `fieldwork_bm25` and phrase counts kept between searches: the same
    /// hits, order and scores (to the bit) as FTS5's own `bm25()`, also after the index changed.
    @Test func searchRanksExactlyAsFTS5sBM25AcrossIndexChanges() async throws {
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        let words = ["natten", "larmet", "kaffe", "grannen", "hemtjänsten", "dörren", "trygg", "sensor"]
        var generator = SystemRandomNumberGenerator()
        func paragraph() -> String {
            (0..<Int.random(in: 3...40, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        func document(_ id: Int) -> DocumentChange {
            change("n\(id)", text: (0..<6).map { _ in paragraph() }.joined(separator: "\n\n"), hash: "\(id)")
        }
        func expectSameAsBM25(_ input: String) async throws {
            let query = SearchQuery(input, limit: 200)
            let hits = try await store.search(query)
            let expected = try await database.writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT s.document_id, s.idx, bm25(segment_fts) AS score FROM segment_fts JOIN segment s ON s.id = segment_fts.rowid
                    WHERE segment_fts MATCH ? ORDER BY rank LIMIT 200
                    """, arguments: [query.ftsPattern]).map { "\($0["document_id"] as String)/\($0["idx"] as Int) \($0["score"] as Double)" }
            }
            #expect(!hits.isEmpty)
            #expect(hits.map { "\($0.documentID)/\($0.segmentIndex) \($0.rank)" } == expected, "\(input)")
        }
        _ = try await store.applyDocuments((1...40).map(document))
        for input in ["natten larmet", "natten larmet", "kaffe", "\"grannen trygg\"", "hemtj*", "sensor dörren natten"] {
            try await expectSameAsBM25(input)
        }
        // New and changed documents change every phrase's count: the kept counts are not reused.
        _ = try await store.applyDocuments((30...60).map(document))
        try await expectSameAsBM25("natten larmet")
        try await expectSameAsBM25("kaffe")
    }

    @Test func aServingDatabaseCopiesItsLogBackInTheBackground() async throws {
        let database = try AppDatabase.open(path: path, checkpoints: .background(every: .milliseconds(20)))
        let store = SQLiteStore(database)
        // SQLite's automatic checkpoint is replaced by the writer's hook (`WALFill`)...
        #expect(try await database.writer.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 0)
        let text = String(repeating: "Kaffe med grannen på morgonen. ", count: 40_000)  // ~1.2 MB, ~300 pages
        _ = try await store.applyDocuments([change("n1", text: text, hash: "a")])
        // Nothing copies the log back until the owner runs the checkpointer...
        try await Task.sleep(for: .milliseconds(100))
        #expect(try fileSize() < 1_000_000)
        let checkpointer = try #require(database.housekeeping)
        let running = Task { await checkpointer.run() }
        // ...then, writing having paused, the text reaches the database file, copied from the log.
        var size = 0
        for _ in 0..<250 where size < 1_000_000 {
            try await Task.sleep(for: .milliseconds(20))
            size = try fileSize()
        }
        #expect(size >= 1_000_000)
        running.cancel()
        await running.value  // returns once cancelled
        #expect(try await store.document(id: "n1")?.plainText == text)
    }

    /// Below the writer's threshold, the timer copies the log only after a tick with no commit
    /// since the one before: while writes flow, the writer calls when the log is worth copying.
    @Test func theCheckpointerWaitsForAQuietTick() async throws {
        let database = try AppDatabase.open(path: path, checkpoints: .background(every: .seconds(3_600)))
        let store = SQLiteStore(database)
        let checkpointer = try #require(database.housekeeping)
        var quiet = QuietWatch()
        await checkpointer.tick(&quiet)  // the first tick only looks
        _ = try await store.applyDocuments([change("n1", text: String(repeating: "Nattlarmet och dörren. ", count: 40_000), hash: "a")])
        await checkpointer.tick(&quiet)  // a commit since the last tick: writes are flowing
        #expect(try fileSize() < 1_000_000)
        await checkpointer.tick(&quiet)  // none since: quiet, so the log is copied back
        let copied = try fileSize()
        #expect(copied >= 900_000)
        _ = try await store.applyDocuments([change("n2", text: String(repeating: "Trygghetslarm i hallen. ", count: 40_000), hash: "b")])
        await checkpointer.tick(&quiet)
        #expect(try fileSize() == copied)
        await checkpointer.tick(&quiet)
        #expect(try fileSize() >= copied + 900_000)
    }

    @Test func theCheckpointerCopiesTheLogOnceMoreWhenStopped() async throws {
        let database = try AppDatabase.open(path: path, checkpoints: .background(every: .seconds(3_600)))
        let store = SQLiteStore(database)
        let checkpointer = try #require(database.housekeeping)
        let running = Task { await checkpointer.run() }
        let text = String(repeating: "Kvällspromenad med hunden. ", count: 40_000)  // ~1.1 MB
        _ = try await store.applyDocuments([change("n1", text: text, hash: "a")])
        running.cancel()  // a graceful shutdown: no tick came in the hour
        await running.value
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0) >= 1_000_000)
    }

    /// Writes `pages` pages of 4,000-byte blobs in one transaction through the writer.
    private func writePages(_ pages: Int, _ database: AppDatabase) async throws {
        try await database.writer.write { db in
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS filler (bytes BLOB)")
            for _ in 0..<pages { try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(4000))") }
        }
    }

    private func fileSize() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

    /// While writes flow, no commit checkpoints (SQLite's own rule would at 1,000 pages): the
    /// commit that passes 1,000 pages calls the checkpointer, which copies from its own connection.
    @Test func theWriterCallsTheCheckpointerInsteadOfCheckpointingItself() async throws {
        let database = try AppDatabase.open(path: path, checkpoints: .background(every: .seconds(3_600)))
        try await writePages(1_200, database)
        let before = try fileSize()
        #expect(before < 1_000_000)  // the commit left all of it in the log
        let checkpointer = try #require(database.housekeeping)
        let running = Task { await checkpointer.run() }  // no tick in the hour: only the call
        var size = before
        for _ in 0..<250 where size < 4_800_000 {
            try await Task.sleep(for: .milliseconds(20))
            size = try fileSize()
        }
        #expect(size >= 4_800_000)
        running.cancel()
        await running.value
    }

    /// Should the checkpointer fall behind (here it is not running), a commit that leaves 4,000
    /// pages or more in the log checkpoints in place, as SQLite would: the log stays bounded.
    @Test func aCommitPastTheBackstopCheckpointsInPlace() async throws {
        let database = try AppDatabase.open(path: path, checkpoints: .background(every: .seconds(3_600)))
        try await writePages(3_000, database)
        #expect(try fileSize() < 1_000_000)
        try await writePages(1_100, database)
        #expect(try fileSize() >= 16_000_000)
    }
}

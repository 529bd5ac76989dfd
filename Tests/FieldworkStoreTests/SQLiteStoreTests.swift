import FieldworkCore
import FieldworkStore
import Foundation
import GRDB
import Testing

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

    @Test func timestampsRoundTripExactly() async throws {
        let store = SQLiteStore(try AppDatabase.inMemory())
        _ = try await store.applyDocuments([change("n1", text: "Kaffe.", hash: "a")])
        for seconds in [0.0, 1_700_000_000.123, 1_800_000_000.999, 951_782_400.5] {  // 951782400 = 2000-02-29
            let date = Coding.timestamp(Date(timeIntervalSince1970: seconds))
            let coding = Coding(id: "c-\(seconds)", documentID: "n1", codeID: "x", coder: "a", memo: nil,
                                anchor: TextQuoteAnchor(span: 0..<5, in: ScalarText("Kaffe.")), createdAt: date)
            try await store.insertCoding(coding)
            #expect(try await store.coding(id: coding.id)?.createdAt == date)
        }
    }

    @Test func codingVersionsAreChecked() async throws {
        let store = SQLiteStore(try AppDatabase.inMemory())
        _ = try await store.applyDocuments([change("n1", text: "Kaffe med grannen.", hash: "a")])
        let text = ScalarText("Kaffe med grannen.")
        var coding = Coding(id: "c-1", documentID: "n1", codeID: "need", coder: "anna", memo: nil,
                            anchor: TextQuoteAnchor(span: 0..<5, in: text), createdAt: Coding.timestamp())
        try await store.insertCoding(coding)
        #expect(try await store.coding(id: "c-1") == coding)
        coding.memo = "ny"
        coding.version = 2
        try await store.updateCoding(coding)
        await #expect(throws: StoreError.staleVersion(id: "c-1", expected: 1, actual: 2)) {
            try await store.updateCoding(coding)
        }
        await #expect(throws: StoreError.notFound("document nope")) {
            var other = coding
            other.id = "c-2"
            other.documentID = "nope"
            try await store.insertCoding(other)
        }
    }

    @Test func textWindowsAreCutInScalarsBySQLite() async throws {
        let store = SQLiteStore(try AppDatabase.inMemory())
        let text = "Å 👩‍👩‍👧 och e\u{301} — " + String(repeating: "ö", count: 60) + " 👍🏽 slut"
        _ = try await store.applyDocuments([change("n1", text: text, hash: "a")])
        let stored = ScalarText(try #require(try await store.document(id: "n1")).plainText)
        for start in stride(from: 0, to: stored.count - 1, by: 5) {
            let span = start..<min(stored.count, start + 4)
            let window = try #require(try await store.textWindow(documentID: "n1", around: span))
            let bounds = TextWindow.bounds(around: span).clamped(to: 0..<stored.count)
            #expect(window.offset == bounds.lowerBound)
            #expect(window.text == stored[bounds])
            // Exact where the document ends inside the window; else the window's end, a lower bound.
            let requested = TextWindow.bounds(around: span)
            #expect(window.documentLength == min(requested.upperBound, stored.count))
        }
        let beyond = try #require(try await store.textWindow(documentID: "n1", around: 500..<510))
        #expect(beyond.text.isEmpty && beyond.documentLength == stored.count)
        #expect(try await store.textWindow(documentID: "nope", around: 0..<1) == nil)
    }

    @Test func atomicInsertReadsTextAndCodeInItsTransaction() async throws {
        let store = SQLiteStore(try AppDatabase.inMemory())
        _ = try await store.applyDocuments([change("n1", text: "Kaffe med grannen.", hash: "a")])
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            _ = try await store.insertCoding(documentID: "n1", around: 0..<5, codeID: "need") { context in
                #expect(!context.codeExists)  // the codebook is empty
                #expect(context.window.text == "Kaffe med grannen.")
                throw Refused()
            }
        }
        #expect(try await store.codings(CodingFilter()).isEmpty)
        await #expect(throws: StoreError.notFound("document nope")) {
            _ = try await store.insertCoding(documentID: "nope", around: 0..<5, codeID: "need") { _ in throw Refused() }
        }
        let coding = try await store.insertCoding(documentID: "n1", around: 10..<17, codeID: "need") { context in
            Coding(id: "c-1", documentID: "n1", codeID: "need", coder: "anna", memo: nil,
                   anchor: try #require(TextQuoteAnchor(span: 10..<17, in: context.window)), createdAt: Coding.timestamp())
        }
        #expect(coding.anchor.quote == "grannen")
        #expect(try await store.coding(id: "c-1") == coding)
    }

    @Test func aServingDatabaseCopiesItsLogBackInTheBackground() async throws {
        let database = try AppDatabase.open(path: path, checkpoints: .background(every: .milliseconds(20)))
        let store = SQLiteStore(database)
        // No commit checkpoints by itself below 10,000 pages (only a backstop)...
        #expect(try await database.writer.write { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 10_000)
        let text = String(repeating: "Kaffe med grannen på morgonen. ", count: 40_000)  // ~1.2 MB
        _ = try await store.applyDocuments([change("n1", text: text, hash: "a")])
        func fileSize() throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        // Nothing copies the log back until the owner runs the checkpointer...
        try await Task.sleep(for: .milliseconds(100))
        #expect(try fileSize() < 1_000_000)
        let checkpointer = try #require(database.housekeeping)
        let running = Task { await checkpointer.run() }
        // ...then the text reaches the database file, copied from the log.
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
}

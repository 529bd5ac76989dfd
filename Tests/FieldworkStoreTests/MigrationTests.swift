import FieldworkCore
@testable import FieldworkStore
import Foundation
import GRDB
import Testing

/// Migrations run on databases that researchers already have: data written under an older
/// schema must come through whole.
@Suite struct MigrationTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "migrate-\(UUID().uuidString)/fieldwork.sqlite").path

    @Test func segmentTextsStoredOnceKeepSearchAndTexts() async throws {
        let text = "Dörren 👩‍👩‍👧 på natten.\n\nE\u{301}n gång till: kaffe med grannen."
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        // A database as v5 left it: each segment's text stored in its row and indexed from there.
        let old = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(old, upTo: "v5-explicit-fts")
        try await old.write { db in
            try db.execute(sql: """
                INSERT INTO document (id, path, type, title, plain_text, ingested_at, revision)
                VALUES ('n1', 'corpus/n1.md', 'note', 'T', ?, '2025-01-01T00:00:00.000Z', 1)
                """, arguments: [text])
            let scalars = ScalarText(text)
            let firstEnd = ScalarText("Dörren 👩‍👩‍👧 på natten.").count
            for (index, range) in [0..<firstEnd, (firstEnd + 2)..<scalars.count].enumerated() {
                try db.execute(sql: """
                    INSERT INTO segment (document_id, idx, kind, start, "end", line_start, line_end, text)
                    VALUES ('n1', ?, 'paragraph', ?, ?, 1, 1, ?)
                    """, arguments: [index, range.lowerBound, range.upperBound, scalars[range]])
            }
            try db.execute(sql: "INSERT INTO segment_fts(rowid, text) SELECT id, text FROM segment")
        }
        try old.close()

        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        let hits = try await store.search(SearchQuery("grannen"))
        #expect(hits.map(\.segmentIndex) == [1])
        #expect(try await store.search(SearchQuery("natten")).map(\.segmentIndex) == [0])
        let texts = try await database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT text FROM segment_text ORDER BY id")
        }
        #expect(texts == ["Dörren 👩‍👩‍👧 på natten.", "E\u{301}n gång till: kaffe med grannen."])
        try await database.writer.write { db in
            try db.execute(sql: "INSERT INTO segment_fts(segment_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test func codingsFromBeforeUpdatedByReadBackWithNoEditor() async throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(old, upTo: "v8-fts-merge-less-often")
        try await old.write { db in
            try db.execute(sql: """
                INSERT INTO document (id, path, type, title, plain_text, ingested_at, revision)
                VALUES ('n1', 'corpus/n1.md', 'note', 'T', 'Dörren på natten.', '2025-01-01T00:00:00.000Z', 1);
                INSERT INTO coding (id, document_id, code_id, coder, start, "end", quote, prefix, suffix, status,
                                    created_at, updated_at, version)
                VALUES ('c-1', 'n1', 'need', 'Anna', 0, 6, 'Dörren', '', ' på natten.', 'anchored',
                        '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', 2);
                """)
        }
        try old.close()
        let store = SQLiteStore(try AppDatabase.open(path: path))
        let coding = try #require(try await store.coding(id: "c-1"))
        #expect(coding.coder == "Anna" && coding.updatedBy == nil && coding.version == 2 && coding.quote == "Dörren")
    }

    /// A database at v10 gets its codings' history started from what it knows: when and by
    /// whom each coding was made and removed (marked as such), and new changes append to it.
    @Test func codingsFromBeforeTheHistoryStartItWithWhatIsKnown() async throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: path)
        try AppDatabase.migrator.migrate(old, upTo: "v10-ledger-seen")
        try await old.write { db in
            try db.execute(sql: """
                INSERT INTO document (id, path, type, title, plain_text, ingested_at, revision)
                VALUES ('n1', 'corpus/n1.md', 'note', 'T', 'Dörren på natten.', '2025-01-01T00:00:00.000Z', 1);
                INSERT INTO coding (id, document_id, code_id, coder, start, "end", quote, prefix, suffix, status,
                                    created_at, updated_at, version, updated_by)
                VALUES ('c-1', 'n1', 'need', 'Anna', 0, 6, 'Dörren', '', ' på natten.', 'anchored',
                        '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', 2, 'Bo');
                INSERT INTO coding (id, document_id, code_id, coder, start, "end", quote, prefix, suffix, status,
                                    created_at, updated_at, version, removed_at, removed_by)
                VALUES ('c-2', 'n1', 'need', 'Bo', 10, 16, 'natten', 'Dörren på ', '.', 'anchored',
                        '2025-01-03T00:00:00.000Z', '2025-01-03T00:00:00.000Z', 2, '2025-01-04T10:00:00.000Z', 'Anna');
                """)
        }
        try old.close()
        let store = SQLiteStore(try AppDatabase.open(path: path))
        let first = try #require(try await store.codingHistory(id: "c-1"))
        #expect(first.count == 1)
        #expect(first[0].kind == .created && first[0].by == "Anna" && first[0].source == "migration")
        #expect(first[0].at == Timestamp.date("2025-01-01T00:00:00.000Z") && first[0].newSpan == 0..<6 && first[0].newCode == "need")
        let removed = try #require(try await store.codingHistory(id: "c-2"))
        #expect(removed.map(\.kind) == [.created, .removed] && removed.map(\.by) == ["Bo", "Anna"])
        #expect(removed[1].at == Timestamp.date("2025-01-04T10:00:00.000Z"))

        try await store.removeCoding(id: "c-1", by: "Bo", expectedVersion: 2)
        let after = try #require(try await store.codingHistory(id: "c-1"))
        #expect(after.map(\.kind) == [.created, .removed] && after[1].source == nil && after[1].version == 3)
    }

    /// The documents page counts, sorts and pages from a covering index, not the table (whose
    /// rows carry the documents' text): its cost stays small as the corpus grows.
    @Test func theDocumentsListReadsACoveringIndex() async throws {
        let database = try AppDatabase.open(path: path)
        let plans = try await database.writer.read { db in
            try ["SELECT COUNT(*) FROM document d WHERE (NULL IS NULL OR d.type = NULL) AND (NULL IS NULL OR d.language = NULL)",
                 "SELECT d.id FROM document d ORDER BY d.date, d.id LIMIT 100 OFFSET 100",
                 "SELECT DISTINCT language FROM document WHERE language IS NOT NULL ORDER BY language"].map { sql in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(separator: "; ")
            }
        }
        for plan in plans { #expect(plan.contains("COVERING INDEX document_listing"), "\(plan)") }
    }

    @Test func theFullTextIndexMergesLessOften() async throws {
        let database = try AppDatabase.open(path: path)
        let automerge = try await database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM segment_fts_config WHERE k = 'automerge'")
        }
        #expect(automerge == 8)
    }
}

import FieldworkCore
import FieldworkStore
import Foundation
import GRDB
import Testing

/// A stored value outside the schema's vocabulary stops the read with where it is, instead of
/// turning into a default (an unknown status used to read as "orphaned", a bad date as 1970).
@Suite struct RowValuesTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "rows-\(UUID().uuidString)/fieldwork.sqlite").path

    @Test func anUnknownStatusOrUnreadableDateIsAnErrorNamingTableAndColumn() async throws {
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        try await database.writer.write { db in
            try db.execute(sql: """
                INSERT INTO document (id, path, type, title, administrations, plain_text, revision, ingested_at)
                    VALUES ('d1', 'corpus/d1.md', 'note', 'T', '[]', 'x', 1, '2026-11-30T06:00:00.000Z');
                INSERT INTO code (id, position, name, kind, examples, formerly) VALUES ('need', 0, 'Need', 'need', '[]', '[]');
                INSERT INTO coding (id, document_id, start, "end", quote, prefix, suffix, code_id, coder, status, created_at, updated_at, version)
                    VALUES ('c1', 'd1', 0, 1, 'x', '', '', 'need', 'anna', 'anchored', '2026-11-30T06:00:00.000Z', '2026-11-30T06:00:00.000Z', 1);
                """)
        }
        #expect(try await store.codings(CodingFilter()).map(\.status) == [.anchored])

        // As another tool editing the file could leave it (the schema's CHECK is bypassed).
        try await database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON; UPDATE coding SET status = 'bogus'; PRAGMA ignore_check_constraints = OFF")
        }
        await #expect { try await store.codings(CodingFilter()) } throws: { error in
            (error as? CorruptRow).map { $0.table == "coding" && $0.column == "status" && $0.value == "bogus" } ?? false
        }
        try await database.writer.write { db in
            try db.execute(sql: "UPDATE coding SET status = 'anchored', created_at = 'yesterday'")
        }
        await #expect { try await store.codings(CodingFilter()) } throws: { error in
            (error as? CorruptRow)?.column == "created_at"
        }
    }
}

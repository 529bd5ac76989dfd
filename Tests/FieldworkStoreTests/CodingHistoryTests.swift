import FieldworkCore
@testable import FieldworkStore
import Foundation
import GRDB
import Testing

/// The SQLite store's coding history cannot be rewritten (its triggers); that every change
/// appends its event is part of the store contract (FieldworkStoreContractTests).
@Suite struct CodingHistoryTests {
    let path = FileManager.default.temporaryDirectory.appending(path: "history-\(UUID().uuidString)/fieldwork.sqlite").path
    let original = "Dörren låser sig på natten.\n\nKaffe med grannen varje morgon."

    private func change(_ text: String, hash: String) -> DocumentChange {
        let segments = Segmenter(type: .note).segment(text.components(separatedBy: "\n\n").enumerated().map {
            TextBlock(kind: .paragraph, text: $1, lineStart: $0 * 2 + 1, lineEnd: $0 * 2 + 1)
        })
        return DocumentChange(
            file: SourceFileState(path: "corpus/n1.md", contentHash: hash, documentID: "n1", parserVersion: 1),
            metadata: DocumentMetadata(id: "n1", type: .note, title: "T"), text: segments)
    }

    @Test func aRefusedChangeLeavesNoEventAndTheHistoryCannotBeRewritten() async throws {
        let database = try AppDatabase.open(path: path)
        let store = SQLiteStore(database)
        _ = try await store.applyDocuments([change(original, hash: "a")])
        let coding = Coding(id: "c-1", documentID: "n1", codeID: "need", coder: "Anna", memo: nil,
                            anchor: TextQuoteAnchor(span: 0..<6, in: ScalarText(original)), createdAt: Coding.timestamp())
        try await store.insertCoding(coding)
        var stale = coding
        stale.memo = "för sent"
        stale.version = 5
        await #expect(throws: StoreError.self) { try await store.updateCoding(stale) }
        await #expect(throws: StoreError.self) { try await store.removeCoding(id: "c-1", by: "Bo", expectedVersion: 4) }
        #expect(try await store.codingHistory(id: "c-1")?.map(\.kind) == [.created])
        for sql in ["UPDATE coding_event SET by = 'Eve'", "DELETE FROM coding_event"] {
            await #expect(throws: DatabaseError.self) { try await database.writer.write { db in try db.execute(sql: sql) } }
        }
        #expect(try await store.codingHistory(id: "c-1")?.first?.by == "Anna")
    }
}

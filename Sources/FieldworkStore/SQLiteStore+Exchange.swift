import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore: ExchangeStore {
    public func insertExchangeBatch(_ batch: ExchangeBatch) async throws {
        try await writer.write { db in
            // Documents the import creates go in first, in the same transaction as their codings.
            _ = try applyDocuments(batch.documents, db)
            // Checked inside the write transaction, against what is stored now: a transcript
            // re-ingested since the import was planned makes the whole batch fail, not part of it.
            let problems = try Self.exchangeProblems(batch, db)
            guard problems.isEmpty else { throw ExchangeBatchRefused(problems: problems) }
            for coding in batch.codings {
                try CodingRow.insert(coding, db)
                try CodingEventRow.append(.between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder,
                                                   source: "import"), db)
            }
            for memo in batch.memos {
                try Self.insertRow(memo, db)
            }
        }
    }

    private static func exchangeProblems(_ batch: ExchangeBatch, _ db: Database) throws -> [String] {
        let codeIDs = Set(try String.fetchAll(db, sql: "SELECT id FROM code"))
        var texts: [String: ScalarText] = [:]
        for id in batch.referencedDocumentIDs {
            texts[id] = try String.fetchOne(db, sql: "SELECT plain_text FROM document WHERE id = ?", arguments: [id])
                .map(ScalarText.init)
        }
        return batch.problems(codeIDs: codeIDs, texts: texts)
    }
}

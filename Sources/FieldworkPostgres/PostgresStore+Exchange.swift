import FieldworkCore
import Foundation
import PostgresNIO

/// REFI-QDA imports on PostgreSQL: as on SQLite, the batch's documents, codings (each with its
/// `created` event, source `import`) and memos are one write transaction, checked against the
/// stored state inside it (`ExchangeBatch.problems`), so a refused batch changes nothing.
extension PostgresStore: ExchangeStore {
    public func insertExchangeBatch(_ batch: ExchangeBatch) async throws {
        try await write { connection in
            // Documents the import creates go in first, in the same transaction as their codings.
            _ = try await applyDocuments(batch.documents, connection)
            // Checked under the writer's lock, against what is stored now: a transcript
            // re-ingested since the import was planned makes the whole batch fail, not part of it.
            let problems = batch.problems(codeIDs: try await codeIDs(connection),
                                          texts: try await plainTexts(of: batch.referencedDocumentIDs, connection))
            guard problems.isEmpty else { throw ExchangeBatchRefused(problems: problems) }
            for coding in batch.codings {
                try await PostgresCodingRow.insert(coding, connection, logger)
                try await PostgresCodingEventRow.append(
                    .between(nil, coding, kind: .created, at: coding.createdAt, by: coding.coder, source: "import"),
                    connection, logger)
            }
            for memo in batch.memos {
                try await insertRow(memo, connection)
            }
        }
    }

    private func codeIDs(_ connection: PostgresConnection) async throws -> Set<String> {
        Set(try await connection.rows("SELECT id FROM code", logger).map { try $0.get("id", as: String.self) })
    }

    private func plainTexts(of documentIDs: Set<String>, _ connection: PostgresConnection) async throws -> [String: ScalarText] {
        guard !documentIDs.isEmpty else { return [:] }
        var texts: [String: ScalarText] = [:]
        for row in try await connection.rows(
            "SELECT id, plain_text FROM document WHERE id = ANY(\(Array(documentIDs))::text[])", logger) {
            texts[try row.get("id")] = ScalarText(try row.get("plain_text", as: String.self))
        }
        return texts
    }
}

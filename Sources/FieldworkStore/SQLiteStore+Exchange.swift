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
        var texts: [String: ScalarText?] = [:]
        func text(of documentID: String) throws -> ScalarText? {
            if let cached = texts[documentID] { return cached }
            let text = try String.fetchOne(db, sql: "SELECT plain_text FROM document WHERE id = ?", arguments: [documentID])
                .map(ScalarText.init)
            texts[documentID] = text
            return text
        }
        var problems: [String] = []
        for coding in batch.codings {
            if !codeIDs.contains(coding.codeID) {
                problems.append("coding \(coding.id): unknown code '\(coding.codeID)'")
            }
            guard let text = try text(of: coding.documentID) else {
                problems.append("coding \(coding.id): no document '\(coding.documentID)'")
                continue
            }
            if !text.isValidSpan(coding.anchor.span) {
                problems.append("coding \(coding.id): span [\(coding.start), \(coding.end)) is not inside "
                    + "\(coding.documentID) (\(text.count) scalars)")
            } else if text[coding.anchor.span] != coding.quote {
                problems.append("coding \(coding.id): the text of \(coding.documentID) at [\(coding.start), \(coding.end)) changed")
            }
        }
        for memo in batch.memos {
            switch memo.target {
            case .project:
                continue
            case .document:
                if try text(of: memo.targetID) == nil { problems.append("memo \(memo.id): no document '\(memo.targetID)'") }
            case .code:
                if !codeIDs.contains(memo.targetID) { problems.append("memo \(memo.id): unknown code '\(memo.targetID)'") }
            }
        }
        return problems
    }
}

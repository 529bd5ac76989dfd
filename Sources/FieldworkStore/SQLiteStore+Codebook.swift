import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func replaceCodebook(_ codebook: Codebook, files: [SourceFileState]) async throws -> CodebookApplyResult {
        try await writer.write { db in
            let storedIDs = Set(try String.fetchAll(db, sql: "SELECT id FROM code"))
            let codedIDs = Set(try String.fetchAll(db, sql: "SELECT DISTINCT code_id FROM coding WHERE removed_at IS NULL"))
            let change = CodebookChange(storedIDs: storedIDs.union(codedIDs), new: codebook)
            let stranded = try codingCounts(of: change.removed, db)
            guard stranded.isEmpty else { throw CodebookChangeRefused(codingsByRemovedCode: stranded) }

            var remapped = 0
            var duplicates: [String: String] = [:]
            var memosMoved = 0
            let now = Coding.timestamp()
            for (old, new) in change.remap {
                // Found before the move: a live coding of `old` whose span and coder a live coding
                // of `new` already has would count twice once moved.
                let twins = try Row.fetchAll(db, sql: """
                    SELECT moved.id AS moved, MIN(kept.id) AS kept FROM coding moved JOIN coding kept
                      ON kept.document_id = moved.document_id AND kept.start = moved.start AND kept."end" = moved."end"
                     AND kept.coder = moved.coder AND kept.code_id = ? AND kept.status = 'anchored' AND kept.removed_at IS NULL
                    WHERE moved.code_id = ? AND moved.status = 'anchored' AND moved.removed_at IS NULL
                    GROUP BY moved.id
                    """, arguments: [new, old])
                try CodingEventRow.appendMerge(from: old, into: new, at: now, db)
                try db.execute(sql: """
                    UPDATE coding SET code_id = ?, version = version + 1, updated_at = ? WHERE code_id = ?
                    """, arguments: [new, Timestamp.text(now), old])
                remapped += db.changesCount
                for twin in twins {
                    let moved: String = twin["moved"], kept: String = twin["kept"]
                    try db.execute(sql: """
                        INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, new_start, new_end, source, version)
                        SELECT id, 'removed', ?, ?, code_id, code_id, start, "end", ?, version + 1 FROM coding WHERE id = ?
                        """, arguments: [Timestamp.text(now), CodingEvent.ingest, CodingEvent.duplicateOf + kept, moved])
                    try db.execute(sql: "UPDATE coding SET removed_at = ?, removed_by = ?, version = version + 1 WHERE id = ?",
                                   arguments: [Timestamp.text(now), CodingEvent.ingest, moved])
                    duplicates[moved] = kept
                }
                try db.execute(sql: """
                    UPDATE memo SET target_id = ?, version = version + 1, updated_at = ? WHERE target = 'code' AND target_id = ?
                    """, arguments: [new, Timestamp.text(now), old])
                memosMoved += db.changesCount
            }
            try db.execute(sql: "DELETE FROM code")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO code (id, parent_id, position, name, kind, description, include, exclude, examples,
                                  color, formerly, source_file, source_line, translations, questions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for code in codebook.codes {
                try insert.execute(arguments: [
                    code.id, code.parentID, code.position, code.name, code.kind.rawValue, code.description,
                    code.include, code.exclude, JSONColumn.encode(code.examples), code.color,
                    JSONColumn.encode(code.formerly), code.source?.file, code.source?.line, JSONColumn.encode(code.translations),
                    JSONColumn.encode(code.questions),
                ])
            }
            try recordFiles(files, prefix: "codebooks/", db)
            return CodebookApplyResult(codes: codebook.codes.count, codingsRemapped: remapped, duplicatesRemoved: duplicates,
                                       memosMoved: memosMoved)
        }
    }

    private func codingCounts(of ids: Set<String>, _ db: Database) throws -> [String: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT code_id, COUNT(*) AS n FROM coding
            WHERE removed_at IS NULL AND code_id IN (\(databaseQuestionMarks(count: ids.count)))
            GROUP BY code_id
            """, arguments: StatementArguments(Array(ids)))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["code_id"], $0["n"]) })
    }

    /// Remembers the files a whole-set source (the codebook) came from, forgetting vanished ones.
    func recordFiles(_ files: [SourceFileState], prefix: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM source_file WHERE path LIKE ? || '%' AND document_id IS NULL", arguments: [prefix])
        for file in files {
            try db.execute(sql: """
                INSERT OR REPLACE INTO source_file (path, content_hash, document_id, parser_version, ingested_at)
                VALUES (?, ?, NULL, ?, ?)
                """, arguments: [file.path, file.contentHash, file.parserVersion, Timestamp.text(Date())])
        }
    }

    public func codeExists(_ id: String) async throws -> Bool {
        try await writer.read { db in try Self.codeExists(id, db) }
    }

    /// Through SQLite's C API: every coding write asks (`RawStatement.firstRow`).
    static func codeExists(_ id: String, _ db: Database) throws -> Bool {
        let read = RawStatement(try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM code WHERE id = ?)"), in: db)
        read.bind(1, id)
        return try read.firstRow { $0.int(0) != 0 } ?? false
    }

    public func codebook() async throws -> Codebook {
        try await writer.read { db in try Self.codebook(db) }
    }

    static func codebook(_ db: Database) throws -> Codebook {
        let codes = try Row.decodeAll(db, sql: "SELECT * FROM code ORDER BY rowid") { row in
            var code = Code(id: row["id"], name: row["name"], kind: try row.value("kind", of: "code"),
                 description: row["description"], include: row["include"], exclude: row["exclude"],
                 examples: JSONColumn.decode([String].self, from: row["examples"], default: []),
                 color: row["color"], parentID: row["parent_id"], position: row["position"],
                 formerly: JSONColumn.decode([String].self, from: row["formerly"], default: []),
                 source: (row["source_file"] as String?).map { SourceLocation(file: $0, line: row["source_line"] ?? 0) },
                 questions: JSONColumn.decode([String].self, from: row["questions"], default: []))
            code.translations = JSONColumn.decode([String: CodeTranslation].self, from: row["translations"], default: [:])
            return code
        }
        return Codebook(codes: codes)
    }
}

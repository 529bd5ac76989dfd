import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func replaceCodebook(_ codebook: Codebook, files: [SourceFileState]) async throws -> CodebookApplyResult {
        try await write { connection in
            let storedIDs = Set(try await connection.rows("SELECT id FROM code", logger).map { try $0.get("id", as: String.self) })
            let codedIDs = Set(try await connection.rows(
                "SELECT DISTINCT code_id FROM coding WHERE removed_at IS NULL", logger).map { try $0.get("code_id", as: String.self) })
            let change = CodebookChange(storedIDs: storedIDs.union(codedIDs), new: codebook)
            let stranded = try await codingCounts(of: change.removed, connection)
            guard stranded.isEmpty else { throw CodebookChangeRefused(codingsByRemovedCode: stranded) }

            var remapped = 0
            var duplicates: [String: String] = [:]
            var memosMoved = 0
            let now = Coding.timestamp()
            for (old, new) in change.remap {
                // Found before the move: a live coding of `old` whose span and coder a live coding
                // of `new` already has would count twice once moved.
                let twins = try await connection.rows("""
                    SELECT moved.id AS moved, MIN(kept.id) AS kept FROM coding moved JOIN coding kept
                      ON kept.document_id = moved.document_id AND kept.start = moved.start AND kept."end" = moved."end"
                     AND kept.coder = moved.coder AND kept.code_id = \(new) AND kept.status = 'anchored' AND kept.removed_at IS NULL
                    WHERE moved.code_id = \(old) AND moved.status = 'anchored' AND moved.removed_at IS NULL
                    GROUP BY moved.id
                    """, logger).map { (try $0.get("moved", as: String.self), try $0.get("kept", as: String.self)) }
                try await PostgresCodingEventRow.appendMerge(from: old, into: new, at: now, connection, logger)
                remapped += try await connection.rows("""
                    UPDATE coding SET code_id = \(new), version = version + 1, updated_at = \(PostgresTimestamp.text(now))
                    WHERE code_id = \(old) RETURNING id
                    """, logger).count
                for (moved, kept) in twins {
                    try await connection.run("""
                        INSERT INTO coding_event (coding_id, kind, at, by, old_code, new_code, new_start, new_end, source, version)
                        SELECT id, 'removed', \(PostgresTimestamp.text(now)), \(CodingEvent.ingest), code_id, code_id, start, "end",
                               \(CodingEvent.duplicateOf + kept), version + 1 FROM coding WHERE id = \(moved)
                        """, logger)
                    try await connection.run("""
                        UPDATE coding SET removed_at = \(PostgresTimestamp.text(now)), removed_by = \(CodingEvent.ingest),
                                          version = version + 1 WHERE id = \(moved)
                        """, logger)
                    duplicates[moved] = kept
                }
                memosMoved += try await connection.rows("""
                    UPDATE memo SET target_id = \(new), version = version + 1, updated_at = \(PostgresTimestamp.text(now))
                    WHERE target = 'code' AND target_id = \(old) RETURNING id
                    """, logger).count
            }
            try await connection.run("DELETE FROM code", logger)
            for (order, code) in codebook.codes.enumerated() {
                try await connection.run("""
                    INSERT INTO code (id, book_order, parent_id, position, name, kind, description, include, exclude, examples,
                                      color, formerly, source_file, source_line, translations, questions)
                    VALUES (\(code.id), \(order), \(code.parentID), \(code.position), \(code.name), \(code.kind.rawValue),
                            \(code.description), \(code.include), \(code.exclude), \(PostgresJSON.encode(code.examples))::jsonb,
                            \(code.color), \(PostgresJSON.encode(code.formerly))::jsonb, \(code.source?.file),
                            \(code.source?.line), \(PostgresJSON.encode(code.translations))::jsonb,
                            \(PostgresJSON.encode(code.questions))::jsonb)
                    """, logger)
            }
            try await recordFiles(files, prefix: "codebooks/", connection)
            return CodebookApplyResult(codes: codebook.codes.count, codingsRemapped: remapped, duplicatesRemoved: duplicates,
                                       memosMoved: memosMoved)
        }
    }

    private func codingCounts(of ids: Set<String>, _ connection: PostgresConnection) async throws -> [String: Int] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await connection.rows("""
            SELECT code_id, COUNT(*) AS n FROM coding
            WHERE removed_at IS NULL AND code_id = ANY(\(Array(ids)))
            GROUP BY code_id
            """, logger)
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0.get("code_id"), try $0.get("n")) })
    }

    /// Remembers the files a whole-set source (the codebook, the register) came from, forgetting vanished ones.
    func recordFiles(_ files: [SourceFileState], prefix: String, _ connection: PostgresConnection) async throws {
        // starts_with, not LIKE: a path's own `_` and `%` are no patterns.
        try await connection.run(
            "DELETE FROM source_file WHERE starts_with(path, \(prefix)) AND document_id IS NULL", logger)
        let now = PostgresTimestamp.text(Date())
        for file in files {
            try await connection.run("""
                INSERT INTO source_file (path, content_hash, document_id, parser_version, ingested_at)
                VALUES (\(file.path), \(file.contentHash), NULL, \(file.parserVersion), \(now))
                ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, document_id = NULL,
                    parser_version = excluded.parser_version, ingested_at = excluded.ingested_at
                """, logger)
        }
    }

    public func codeExists(_ id: String) async throws -> Bool {
        try await read { connection in try await codeExists(id, connection) }
    }

    func codeExists(_ id: String, _ connection: PostgresConnection) async throws -> Bool {
        try await connection.row("SELECT 1 AS found FROM code WHERE id = \(id)", logger) != nil
    }

    public func codebook() async throws -> Codebook {
        try await read { connection in try await codebook(connection) }
    }

    func codebook(_ connection: PostgresConnection) async throws -> Codebook {
        let codes = try await connection.rows("""
            SELECT id, parent_id, position, name, kind, description, include, exclude, examples::text, color,
                formerly::text, source_file, source_line, translations::text, questions::text
            FROM code ORDER BY book_order
            """, logger).map { row in
            let sourceFile: String? = try row.get("source_file")
            let sourceLine: Int? = try row.get("source_line")
            var code = Code(id: try row.get("id"), name: try row.get("name"), kind: try row.value("kind", of: "code"),
                            description: try row.get("description"), include: try row.get("include"),
                            exclude: try row.get("exclude"), examples: try row.json("examples", default: [String]()),
                            color: try row.get("color"), parentID: try row.get("parent_id"), position: try row.get("position"),
                            formerly: try row.json("formerly", default: [String]()),
                            source: sourceFile.map { SourceLocation(file: $0, line: sourceLine ?? 0) },
                            questions: try row.json("questions", default: [String]()))
            code.translations = try row.json("translations", default: [String: CodeTranslation]())
            return code
        }
        return Codebook(codes: codes)
    }
}

import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// FTS5's own BM25, with the number of rows holding each phrase given by the caller.
///
/// FTS5's `bm25()` counts, for every query, the rows holding each phrase in the whole index (its
/// IDF): at 10,000 transcripts that walk (`natten`: 78,809 rows) costs more than ranking the
/// window itself. `fieldwork_bm25(hits…)` computes the same score the same way (same formula,
/// same operations in the same order, so the same doubles) from counts the store keeps per
/// state of the index (`PhraseHitCounts`), and FTS5 sorts by it as by `rank` (`rank MATCH`).
enum BM25Ranking {
    static let functionName = "fieldwork_bm25"

    /// Registers the function on a connection (every connection: `AppDatabase`).
    static func register(_ db: Database) throws {
        guard let api = fts5API(db) else { throw DatabaseError(message: "FTS5 is not available") }
        let code = api.pointee.xCreateFunction(UnsafeMutablePointer(mutating: api), functionName, nil, score, nil)
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(functionName)") }
    }

    private static func fts5API(_ db: Database) -> UnsafePointer<fts5_api>? {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db.sqliteConnection, "SELECT fts5(?)", -1, &statement, nil) == SQLITE_OK else { return nil }
        defer { sqlite3_finalize(statement) }
        var api: UnsafePointer<fts5_api>?
        // The type name must outlive the statement's step: a static string.
        let type: StaticString = "fts5_api_ptr"
        withUnsafeMutablePointer(to: &api) { pointer in
            type.utf8Start.withMemoryRebound(to: CChar.self, capacity: type.utf8CodeUnitCount) { name in
                _ = sqlite3_bind_pointer(statement, 1, pointer, name, nil)
                _ = sqlite3_step(statement)
            }
        }
        return api
    }

    /// `fts5Bm25Function` of SQLite's fts5_aux.c, with nHit per phrase from the arguments.
    private static let score: fts5_extension_function = { api, context, result, count, values in
        guard let api = api?.pointee, let values else { return sqlite3_result_error_code(result, SQLITE_MISUSE) }
        let k1 = 1.2, b = 0.75
        var rowCount: sqlite3_int64 = 0, tokenCount: sqlite3_int64 = 0
        var code = api.xRowCount(context, &rowCount)
        if code == SQLITE_OK { code = api.xColumnTotalSize(context, -1, &tokenCount) }
        let phrases = Int(api.xPhraseCount(context))
        guard code == SQLITE_OK, phrases == Int(count) else {
            return sqlite3_result_error_code(result, code == SQLITE_OK ? SQLITE_MISUSE : code)
        }
        let averageLength = Double(tokenCount) / Double(rowCount)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: phrases) { frequency in
            frequency.initialize(repeating: 0)
            var instances: Int32 = 0
            code = api.xInstCount(context, &instances)
            var index: Int32 = 0
            while code == SQLITE_OK && index < instances {
                var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
                code = api.xInst(context, index, &phrase, &column, &offset)
                if code == SQLITE_OK { frequency[Int(phrase)] += 1.0 }
                index += 1
            }
            var tokens: Int32 = 0
            if code == SQLITE_OK { code = api.xColumnSize(context, -1, &tokens) }
            guard code == SQLITE_OK else { return sqlite3_result_error_code(result, code) }
            let length = Double(tokens)
            var score = 0.0
            for phrase in 0..<phrases {
                let hits = sqlite3_value_int64(values[phrase])
                var idf = log((Double(rowCount - hits) + 0.5) / (Double(hits) + 0.5))
                if idf <= 0.0 { idf = 1e-6 }
                score += idf * ((frequency[phrase] * (k1 + 1.0)) / (frequency[phrase] + k1 * (1 - b + b * length / averageLength)))
            }
            sqlite3_result_double(result, -1.0 * score)
        }
    }
}

/// How many rows of the full-text index hold each phrase, kept while the index is unchanged:
/// the key is the index's structure record, which FTS5 rewrites on every change it commits.
final class PhraseHitCounts: Sendable {
    private struct State {
        var structure = Data()
        var hits: [String: Int64] = [:]
    }

    private let state = Mutex(State())
    /// Distinct phrases kept per index state (a bound, not a working set: it starts over).
    static let capacity = 10_000

    /// The counts of `phrases`, counted by FTS5 for those not kept (inside the caller's read, so
    /// the counts and the ranking see the same index).
    func counts(of phrases: [String], _ db: Database) throws -> [Int64] {
        let structure = try Data.fetchOne(db, sql: "SELECT block FROM segment_fts_data WHERE id = 10") ?? Data()
        var counts: [Int64] = []
        for phrase in phrases {
            if let known = state.withLock({ $0.structure == structure ? $0.hits[phrase] : nil }) {
                counts.append(known)
                continue
            }
            let count = try Int64.fetchOne(db, sql: "SELECT count(*) FROM segment_fts WHERE segment_fts MATCH ?",
                                           arguments: [phrase]) ?? 0
            state.withLock { state in
                if state.structure != structure || state.hits.count >= Self.capacity { state = State(structure: structure) }
                state.hits[phrase] = count
            }
            counts.append(count)
        }
        return counts
    }
}

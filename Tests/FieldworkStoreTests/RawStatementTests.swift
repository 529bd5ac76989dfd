@testable import FieldworkStore
import GRDB
import Testing

/// Binding by name through SQLite's C API: a name the statement lacks, or a parameter left
/// unbound, is an error before anything is written, never a NULL in the row.
@Suite struct RawStatementTests {
    private func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (a TEXT, b INTEGER, c TEXT)") }
        return queue
    }

    @Test func namedParametersAreBoundWhereverTheyStand() throws {
        let queue = try table()
        try queue.write { db in
            let insert = RawStatement(try db.makeStatement(sql: "INSERT INTO t (c, a, b) VALUES (:c, :a, :b)"), in: db)
            try insert.bind(":a", "alpha")
            try insert.bind(":b", 7)
            try insert.bind(":c", nil as String?)
            try insert.requireBound(3)
            #expect(try insert.step() == 1)
            let row = try #require(try Row.fetchOne(db, sql: "SELECT a, b, c FROM t"))
            #expect(row["a"] as String == "alpha")
            #expect(row["b"] as Int == 7)
            #expect(row["c"] as String? == nil)
        }
    }

    @Test func aNameTheStatementLacksOrAParameterLeftUnboundIsAnError() throws {
        let queue = try table()
        try queue.write { db in
            let insert = RawStatement(try db.makeStatement(sql: "INSERT INTO t (a, b) VALUES (:a, :b)"), in: db)
            #expect(throws: DatabaseError.self) { try insert.bind(":missing", "x") }
            try insert.bind(":a", "alpha")
            #expect(throws: DatabaseError.self) { try insert.requireBound(1) }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 0)
        }
    }
}

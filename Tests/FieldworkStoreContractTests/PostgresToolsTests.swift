@testable import FieldworkPostgres
import Foundation
import Testing

/// PostgreSQL's client programs: found, and their errors told in one line without row values.
struct PostgresToolsTests {
    @Test func theToolsAreFoundOnPathOrInDebiansFolder() throws {
        for tool in ["pg_dump", "pg_restore", "psql"] {
            #expect(FileManager.default.isExecutableFile(atPath: try PostgresTools.executable(tool).path))
        }
        #expect(throws: PostgresTools.Failed.self) { _ = try PostgresTools.executable("pg_no_such_tool") }
    }

    @Test func anErrorIsItsFirstErrorLineWithoutQuotedText() {
        #expect(PostgresTools.errorLine("pg_restore: error: input file is too short (read 3, expected 5)\n")
            == "input file is too short (read 3, expected 5)")
        let copy = """
            psql:<stdin>:41: ERROR:  invalid input syntax for type bigint: "Jag är rädd på natten"
            CONTEXT:  COPY coding, line 1, column start: "Jag är rädd på natten"
            """
        #expect(PostgresTools.errorLine(copy) == #"ERROR:  invalid input syntax for type bigint: "…""#)
        #expect(PostgresTools.errorLine(#"pg_restore: error: could not execute query: ERROR:  relation "coding" does not exist"#)
            == #"could not execute query: ERROR:  relation "coding" does not exist"#)
        #expect(PostgresTools.errorLine("") == nil)
    }
}

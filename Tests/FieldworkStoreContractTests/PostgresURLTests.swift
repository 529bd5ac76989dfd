@testable import FieldworkPostgres
import Foundation
import PostgresNIO
import Testing

/// The store URL's options: the pool size and TLS mode, validated in one line (no server needed).
struct PostgresURLTests {
    @Test func thePoolSizeComesFromTheURL() throws {
        #expect(try PostgresURL.configuration("postgresql://u@h/db").options.maximumConnections == PostgresURL.defaultPoolSize)
        #expect(try PostgresURL.configuration("postgresql://u@h/db?pool_size=7").options.maximumConnections == 7)
        #expect(try PostgresURL.configuration("postgresql://u@h/db?sslmode=disable&pool_size=1000").options.maximumConnections == 1000)
        // The option's first name still works.
        #expect(try PostgresURL.configuration("postgresql://u@h/db?pool=5").options.maximumConnections == 5)
        let target = try PostgresURL.target("postgres://anna:s%40cret@db.example:6543/study_1?sslmode=require&pool_size=30")
        #expect(target.host == "db.example" && target.port == 6543 && target.user == "anna" && target.password == "s@cret")
        #expect(target.database == "study_1" && target.sslMode == "require" && target.poolSize == 30)
    }

    @Test func aBadOptionIsOneClearLine() {
        for (url, problem) in [
            ("postgresql://u@h/db?pool_size=0", "pool_size '0' is not a whole number from 1 to 1000"),
            ("postgresql://u@h/db?pool_size=many", "pool_size 'many' is not a whole number from 1 to 1000"),
            ("postgresql://u@h/db?pool_size=1001", "pool_size '1001' is not a whole number from 1 to 1000"),
            ("postgresql://u@h/db?sslmode=maybe", "sslmode 'maybe' is not one of disable, allow, prefer, require"),
            ("postgresql://u@h/db?poolsize=3", "unknown option 'poolsize' (known: sslmode, pool_size)"),
        ] {
            do {
                _ = try PostgresURL.configuration(url)
                Issue.record("\(url) was accepted")
            } catch {
                #expect(error is PostgresURL.Invalid)
                #expect("\(error)".hasPrefix("store URL: \(problem)"), "\(error)")
                #expect(!"\(error)".contains("\n"))
                // The form it suggests has no password: that goes in PGPASSWORD (README).
                #expect("\(error)".hasSuffix("(expected postgresql://user@host[:port]/database, the password in PGPASSWORD)"), "\(error)")
            }
        }
    }
}

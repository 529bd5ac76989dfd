import Foundation
import PostgresNIO

/// Reads a `postgresql://` (or `postgres://`) URL: the server, the database and the options
/// Fieldwork understands, for both the connection pool and PostgreSQL's own tools (`pg_dump`).
enum PostgresURL {
    struct Invalid: Error, CustomStringConvertible {
        let problem: String
        var description: String { "store URL: \(problem) (\(PostgresURL.expected))" }
    }

    /// Where the study's database is and how to reach it.
    struct Target: Sendable {
        var host: String
        var port: Int
        var user: String
        var password: String?
        var database: String
        /// libpq's `sslmode` (`disable`, `prefer`, `require`, `verify-full`).
        var sslMode: String
        /// The most connections this process opens (`pool_size`).
        var poolSize: Int

        /// The database's address for messages: never the password.
        var shown: String { "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }
    }

    /// Each request holds a connection for one short transaction only: 20 serve 50 coders
    /// (README, "Running the team server"). Far below PostgreSQL's default max_connections (100).
    static let defaultPoolSize = 20
    /// The form every refusal names: never with a password, which comes from PGPASSWORD (README).
    static let expected = "expected postgresql://user@host[:port]/database, the password in PGPASSWORD"
    static let poolSizes = 1...1000
    static let sslModes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    static func target(_ text: String) throws -> Target {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw Invalid(problem: "not a postgresql:// URL")
        }
        guard let user = url.user, !user.isEmpty else { throw Invalid(problem: "no user name") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw Invalid(problem: "no database name") }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        if let unknown = query.keys.sorted().first(where: { !["sslmode", "pool_size", "pool"].contains($0) }) {
            throw Invalid(problem: "unknown option '\(unknown)' (known: sslmode, pool_size)")
        }
        let sslMode = query["sslmode"] ?? "disable"
        guard sslModes.contains(sslMode) else {
            throw Invalid(problem: "sslmode '\(sslMode)' is not one of \(sslModes.joined(separator: ", "))")
        }
        // `pool` is the option's first name, still read so that existing configurations keep working.
        let poolText = query["pool_size"] ?? query["pool"]
        let poolSize = try poolText.map { text in
            guard let size = Int(text), poolSizes.contains(size) else {
                throw Invalid(problem: "pool_size '\(text)' is not a whole number from \(poolSizes.lowerBound) to \(poolSizes.upperBound)")
            }
            return size
        } ?? defaultPoolSize
        return Target(host: url.host ?? "127.0.0.1", port: url.port ?? 5432, user: user.removingPercentEncoding ?? user,
                      // The password from the URL, else from PGPASSWORD (as libpq does, an empty one
                      // is none): a URL in fieldwork.yaml is shared with the team, a password is not.
                      password: url.password?.removingPercentEncoding
                          ?? ProcessInfo.processInfo.environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
                      database: database.removingPercentEncoding ?? database, sslMode: sslMode, poolSize: poolSize)
    }

    static func configuration(_ text: String) throws -> PostgresClient.Configuration {
        configuration(try target(text))
    }

    static func configuration(_ target: Target) -> PostgresClient.Configuration {
        // TLS: off on loopback; elsewhere `sslmode=require` (or behind a TLS-terminating proxy).
        let tls: PostgresClient.Configuration.TLS = switch target.sslMode {
        case "require", "verify-ca", "verify-full": .require(.makeClientConfiguration())
        case "allow", "prefer": .prefer(.makeClientConfiguration())
        default: .disable
        }
        var configuration = PostgresClient.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password,
            database: target.database, tls: tls)
        configuration.options.maximumConnections = target.poolSize
        return configuration
    }
}

extension PostgresStore {
    /// What is wrong with `url` as a store URL in a shared file (`store:` in fieldwork.yaml), in
    /// one line, or nil: a password (the file is shared with the team; it goes in PGPASSWORD)
    /// or anything `open` would refuse. Checked when the file is read, so the refusal names its line.
    public static func sharedURLProblem(_ url: String) -> String? {
        if URLComponents(string: url)?.password != nil {
            return "the store URL holds a password, and fieldwork.yaml is shared with the team: "
                + "remove it from the URL and give it in PGPASSWORD"
        }
        do {
            _ = try PostgresURL.target(url)
            return nil
        } catch let error as PostgresURL.Invalid {
            return "store: \(error.problem) (\(PostgresURL.expected))"
        } catch {
            return "store: \(error)"
        }
    }
}

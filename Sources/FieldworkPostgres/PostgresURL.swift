import Foundation
import PostgresNIO

/// Reads a `postgresql://` (or `postgres://`) URL into a client configuration.
enum PostgresURL {
    struct Invalid: Error, CustomStringConvertible {
        let problem: String
        var description: String { "store URL: \(problem) (expected postgresql://user[:password]@host[:port]/database)" }
    }

    static func configuration(_ text: String) throws -> PostgresClient.Configuration {
        guard let url = URLComponents(string: text), let scheme = url.scheme, ["postgres", "postgresql"].contains(scheme) else {
            throw Invalid(problem: "not a postgresql:// URL")
        }
        guard let user = url.user, !user.isEmpty else { throw Invalid(problem: "no user name") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw Invalid(problem: "no database name") }
        let query = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        // TLS: off on loopback; elsewhere `sslmode=require` (or behind a TLS-terminating proxy).
        let tls: PostgresClient.Configuration.TLS = switch query["sslmode"] {
        case "require", "verify-full": .require(.makeClientConfiguration())
        case "prefer": .prefer(.makeClientConfiguration())
        default: .disable
        }
        var configuration = PostgresClient.Configuration(
            host: url.host ?? "127.0.0.1", port: url.port ?? 5432, username: user.removingPercentEncoding ?? user,
            // The password from the URL, else from PGPASSWORD (as libpq does): a URL in
            // fieldwork.yaml is shared with the team, a password is not.
            password: url.password?.removingPercentEncoding ?? ProcessInfo.processInfo.environment["PGPASSWORD"],
            database: database, tls: tls)
        // Each coder's request holds a connection for one short transaction: 20 serve 50 coders.
        configuration.options.maximumConnections = Int(query["pool"] ?? "") ?? 20
        return configuration
    }
}

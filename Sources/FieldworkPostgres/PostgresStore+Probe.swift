import FieldworkCore
import Logging
import NIOSSL
import PostgresNIO

extension PostgresStore {
    /// Opens one connection to `url` and closes it: a server that cannot be reached, or a login
    /// it refuses, fails here at once with PostgreSQL's reason (`fieldwork init --store`), where
    /// the connection pool would keep trying for about a minute and then name only its breaker.
    public static func probe(url: String, logger: Logger = Logger(label: "fieldwork.postgres")) async throws {
        try await probe(try PostgresURL.target(url), logger: logger)
    }

    static func probe(_ target: PostgresURL.Target, logger: Logger) async throws {
        let tls: PostgresConnection.Configuration.TLS = switch target.sslMode {
        case "require", "verify-ca", "verify-full": .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case "allow", "prefer": .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default: .disable
        }
        var configuration = PostgresConnection.Configuration(host: target.host, port: target.port, username: target.user,
                                                             password: target.password, database: target.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        try await PostgresServerError.mapping {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            try await connection.close()
        }
    }
}

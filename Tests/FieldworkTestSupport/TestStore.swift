import FieldworkProcess
import Foundation
import Synchronization

/// The store the service, web, exchange and CLI suites run on: the workspace's SQLite file, or,
/// with FIELDWORK_TEST_STORE=postgresql, a fresh PostgreSQL database per fixture on the server
/// FIELDWORK_TEST_POSTGRES_URL names (`make test` runs the suites both ways in a throwaway
/// cluster: scripts/postgres-cluster.sh).
///
/// Everything here is synchronous on purpose: fixtures are made in plain inits and released in
/// deinits, so the databases are made and dropped with the cluster's `psql`, never by blocking
/// a thread on async work (which can starve Swift's cooperative pool on a 2-core machine).
public enum TestStore {
    public static let isPostgreSQL = ProcessInfo.processInfo.environment["FIELDWORK_TEST_STORE"] == "postgresql"
    public static var isSQLite: Bool { !isPostgreSQL }

    /// The PostgreSQL URL of `workspace`'s store (nil on SQLite): the fixture's database for
    /// that folder while it exists, else one made now and kept to the end of the run (a
    /// workspace the test only reaches through the `fieldwork` binary).
    public static func url(forWorkspace workspace: URL) throws -> String? {
        guard isPostgreSQL else { return nil }
        let key = workspace.standardizedFileURL.path
        if let name = TestDatabase.registry.withLock({ $0.workspaces[key] }) { return try Server.shared.get().url(database: name) }
        let database = try TestDatabase(registeredAs: key)
        TestDatabase.registry.withLock { $0.kept.append(database) }
        return database.url
    }

    /// The environment for the `fieldwork` binary working on `workspace`: on PostgreSQL,
    /// FIELDWORK_STORE naming the workspace's database (see `url(forWorkspace:)`).
    public static func environment(forWorkspace workspace: URL) throws -> [String: String] {
        guard let url = try url(forWorkspace: workspace) else { return [:] }
        return ["FIELDWORK_STORE": url]
    }
}

/// A fresh PostgreSQL database, copied from a template that the real `fieldwork` binary has
/// migrated once per run (a copy takes milliseconds, migrating takes much longer). On SQLite it
/// is nothing: `url` is nil, and `FieldworkContext.open(workspace, storeURL: nil)` opens the
/// workspace's SQLite file.
///
/// It is dropped once both the fixture (this object) and the store using it (`usedBy`) are
/// gone: Swift may release a fixture right after its last use while the test goes on with its
/// store (`try await Fixture().store`), so the fixture alone does not say the database is done.
public final class TestDatabase: Sendable {
    /// The database's URL, for `FieldworkContext.open(_:storeURL:)`; nil on SQLite.
    public let url: String?
    private let name: String?
    private let workspace: String?

    /// A database for the fixture whose workspace is the folder `workspace`: the `fieldwork`
    /// binary run on that folder uses it too.
    public convenience init(workspace: URL) throws {
        try self.init(registeredAs: workspace.standardizedFileURL.path)
    }

    /// The same, made with `psql` on a thread of its own: for fixtures that are made in async
    /// code, so no thread of Swift's cooperative pool waits for the server (see `ProcessRunner`).
    public static func make(workspace: URL) async throws -> TestDatabase {
        try await onOwnThread { try TestDatabase(workspace: workspace) }
    }

    /// A copy of `template` (a prepared store, say an ingested workspace's) for the fixture whose
    /// workspace is `workspace`, made on a thread of its own (as `make(workspace:)`).
    public static func make(workspace: URL, copying template: TestTemplateDatabase) async throws -> TestDatabase {
        try await onOwnThread {
            try TestDatabase(registeredAs: workspace.standardizedFileURL.path, template: template.name)
        }
    }

    /// A database no workspace's binary run looks for (a second, empty store).
    public convenience init() throws {
        try self.init(registeredAs: nil)
    }

    /// The same, made on a thread of its own (for async code, as `make(workspace:)`).
    public static func make() async throws -> TestDatabase {
        try await onOwnThread { try TestDatabase() }
    }

    /// A PostgreSQL database whichever store the suite runs on (a test that compares the two).
    public static func onPostgres() throws -> TestDatabase {
        try TestDatabase(registeredAs: nil, postgres: true)
    }

    /// `template`: the database to copy, by default this run's migrated empty one.
    fileprivate init(registeredAs workspace: String?, postgres: Bool = TestStore.isPostgreSQL, template: String? = nil) throws {
        self.workspace = workspace
        guard postgres else {
            url = nil
            name = nil
            return
        }
        let server = try Server.shared.get()
        TestDatabase.dropUnused(server)
        let name = "\(server.prefix)_\(Server.counter.add(1, ordering: .relaxed).newValue)"
        try server.psql("CREATE DATABASE \(name) TEMPLATE \(template ?? server.template)")
        self.name = name
        url = server.url(database: name)
        if let workspace {
            TestDatabase.registry.withLock { $0.workspaces[workspace] = name }
        }
    }

    /// Keeps the database while `store` (the store opened on `url`) lives, also after the fixture.
    public func usedBy(_ store: AnyObject) {
        guard let name else { return }
        let watched = Registry.Weak(object: store)
        Self.registry.withLock { $0.stores[name] = watched }
    }

    /// Runs `sql` on this database with `psql` (a test that changes the store under the server).
    public func execute(_ sql: String) throws {
        guard let name else { throw TestStoreError("not a PostgreSQL test database") }
        try Server.shared.get().psql(sql, database: name)
    }

    deinit {
        guard let name, let server = try? Server.shared.get() else { return }
        Self.registry.withLock { $0.released.append(Registry.Released(name: name, workspace: workspace)) }
        Self.dropUnused(server)
    }

    /// Drops the released databases whose store is gone too, on a queue of its own: a fixture is
    /// often released on a thread of the cooperative pool, which must not wait for `psql`.
    private static func dropUnused(_ server: Server) {
        let unused = registry.withLock { $0.takeUnused() }
        guard !unused.isEmpty else { return }
        dropping.async {
            for name in unused {
                // FORCE: the store's connection pool may still be closing.
                try? server.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            }
        }
    }

    private static let dropping = DispatchQueue(label: "fieldwork.test-databases.drop")

    fileprivate struct Registry {
        /// Only ever compared with nil, never used: safe to hand between threads.
        struct Weak: @unchecked Sendable {
            weak var object: AnyObject?
        }

        struct Released {
            let name: String
            let workspace: String?
        }

        /// Workspace folder → its database, while the database exists.
        var workspaces: [String: String] = [:]
        /// Database → the store using it.
        var stores: [String: Weak] = [:]
        /// Databases whose fixture is gone.
        var released: [Released] = []
        /// Databases of workspaces made without a fixture, kept to the end of the run.
        var kept: [TestDatabase] = []

        mutating func takeUnused() -> [String] {
            let unused = released.filter { stores[$0.name]?.object == nil }
            released.removeAll { stores[$0.name]?.object == nil }
            for database in unused {
                stores[database.name] = nil
                if let workspace = database.workspace, workspaces[workspace] == database.name { workspaces[workspace] = nil }
            }
            return unused.map(\.name)
        }
    }

    fileprivate static let registry = Mutex(Registry())
}

/// A database a fixture prepares once per run and then copies for each test (`TestDatabase.make(workspace:copying:)`):
/// preparing, e.g. ingesting the sample workspace, takes far longer than a copy. It starts as a
/// copy of the migrated template and lives to the end of the run. Nothing may stay connected to
/// it once prepared (PostgreSQL copies only a database nobody uses), so it is prepared by the
/// `fieldwork` binary, whose connections end with it. On SQLite it is nothing (`url` is nil):
/// the fixture copies the workspace folder with its SQLite file.
public final class TestTemplateDatabase: Sendable {
    /// The URL the binary prepares it on (FIELDWORK_STORE); nil on SQLite.
    public let url: String?
    fileprivate let name: String?

    public init() throws {
        guard TestStore.isPostgreSQL else {
            url = nil
            name = nil
            return
        }
        let server = try Server.shared.get()
        let name = "\(server.prefix)_prepared_\(Server.counter.add(1, ordering: .relaxed).newValue)"
        try server.psql("CREATE DATABASE \(name) TEMPLATE \(server.template)")
        self.name = name
        url = server.url(database: name)
    }
}

/// The test server and this run's template database.
private struct Server: Sendable {
    let base: URLComponents
    /// Every database of this run starts with it, so the end of the run can drop them all.
    let prefix: String
    var template: String { prefix + "_template" }

    static let counter = Atomic<Int>(0)

    /// Made once per run (the first fixture waits for it; later ones find it made).
    static let shared: Result<Server, any Error> = Result {
        let server = try Server()
        try server.makeTemplate()
        atexit { try? Server.shared.get().dropAll() }
        return server
    }

    private init() throws {
        guard let text = ProcessInfo.processInfo.environment["FIELDWORK_TEST_POSTGRES_URL"], !text.isEmpty,
              let base = URLComponents(string: text) else {
            throw TestStoreError("FIELDWORK_TEST_STORE=postgresql needs FIELDWORK_TEST_POSTGRES_URL: run the tests with scripts/postgres-cluster.sh run swift test …")
        }
        self.base = base
        prefix = "fwtest_" + UUID().uuidString.prefix(8).lowercased()
    }

    /// A test database's URL, with a small connection pool: the suites run dozens of stores at
    /// once, and at the default 20 each they ran the cluster out of connections
    /// ("too many clients already").
    func url(database: String) -> String {
        var components = URLComponents(string: psqlURL(database: database))!
        components.queryItems = (base.queryItems ?? []) + [URLQueryItem(name: "pool", value: "4")]
        return components.string!
    }

    /// The URL as `psql` takes it (libpq knows no `pool`).
    private func psqlURL(database: String) -> String {
        var components = base
        components.path = "/" + database
        return components.string!
    }

    /// The template: an empty database that the real binary migrates (`fieldwork status`
    /// on an empty workspace), exactly as a team server's first start does.
    private func makeTemplate() throws {
        try psql("CREATE DATABASE \(template)")
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-template-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for sub in ["corpus", "codebooks"] {
            try FileManager.default.createDirectory(at: folder.appending(path: sub), withIntermediateDirectories: true)
        }
        let migrated = try ProcessRunner.run(FieldworkBinary.url, ["--workspace", folder.path, "status", "--store", url(database: template)])
        guard migrated.status == 0 else { throw TestStoreError("migrating the template database failed: \(migrated.stderr)") }
    }

    /// Drops every database of this run (at exit: fixtures released early have dropped theirs).
    func dropAll() throws {
        try psql("""
            SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', datname) FROM pg_database WHERE datname LIKE '\(prefix)%'
            \\gexec
            """, stdin: true)
    }

    /// Runs SQL with the cluster's `psql` on `database`, by default the server's own (the URL's).
    func psql(_ sql: String, database: String? = nil, stdin: Bool = false) throws {
        let database = database ?? (base.path.count > 1 ? String(base.path.dropFirst()) : "postgres")
        let arguments = [psqlURL(database: database), "-X", "-q", "-v", "ON_ERROR_STOP=1"]
        let result = try ProcessRunner.run(Self.psqlBinary, stdin ? arguments : arguments + ["-c", sql], input: stdin ? sql : nil)
        guard result.status == 0 else { throw TestStoreError("psql: \(result.stderr)") }
    }

    /// The cluster's own `psql` (scripts/postgres-cluster.sh), without Debian's wrapper script.
    private static let psqlBinary: URL = {
        let cluster = URL(fileURLWithPath: "/usr/lib/postgresql/15/bin/psql")
        return FileManager.default.isExecutableFile(atPath: cluster.path) ? cluster : URL(fileURLWithPath: "/usr/bin/psql")
    }()
}

public struct TestStoreError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

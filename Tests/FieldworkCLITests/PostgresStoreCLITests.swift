import FieldworkTestSupport
import Foundation
import Testing

/// The real binary with `--store postgresql://…`: the sample study (corpus, codebook, the
/// team's codings files) ingested into PostgreSQL gives the same counts, codings and search
/// hits as in the workspace's SQLite file, and no SQLite file is made. Runs when
/// FIELDWORK_TEST_POSTGRES_URL is set (`make test` starts a throwaway cluster and sets it).
@Suite struct PostgresStoreCLITests {
    @Test(.enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
    func theSampleStudyOnPostgresMatchesSQLite() async throws {
        let database = try TestDatabase.onPostgres()
        defer { withExtendedLifetime(database) {} }  // only the binary uses it: kept to the end
        let url = try #require(database.url)
        let onPostgres = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(codings: true))
        let onSQLite = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(codings: true))
        let store = ["--store", url]
        // The SQLite side stays on SQLite also when the suite runs on PostgreSQL (`TestStore`).
        let sqliteOnly = ["FIELDWORK_STORE": ""]
        let ingest = try await onPostgres.run(["ingest"] + store)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try await onSQLite.run("ingest", environment: sqliteOnly).status == 0)
        #expect(!FileManager.default.fileExists(atPath: onPostgres.workspace.appending(path: ".fieldwork/fieldwork.sqlite").path))

        func json(_ cli: CLIRunner, _ arguments: [String], postgres: Bool) async throws -> Any {
            let result = try await cli.run(arguments + (postgres ? store : []) + ["--json"], environment: postgres ? [:] : sqliteOnly)
            guard result.status == 0 else { throw CLIError.failed(result.stderr) }
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        }
        let counts = try #require(try await json(onPostgres, ["status"], postgres: true) as? [String: Any])
        await #expect(counts as NSDictionary == (try json(onSQLite, ["status"], postgres: false) as? NSDictionary))
        #expect((counts["codings"] as? Int ?? 0) > 100)
        // Every coding the files hold, in the same places.
        func codings(_ cli: CLIRunner, postgres: Bool) async throws -> Set<String> {
            let list = try #require(try await json(cli, ["code", "list"], postgres: postgres) as? [[String: Any]])
            return Set(list.map { "\($0["id"]!) \($0["document"]!) \($0["start"]!) \($0["end"]!) \($0["code"]!)" })
        }
        #expect(try await codings(onPostgres, postgres: true) == codings(onSQLite, postgres: false))
        // Search: the same segments for words the stemmer leaves alone (see README: stemming
        // finds inflected forms too on PostgreSQL).
        for query in ["trygg*", "\"på natten\"", "hemtjänst*", "sensor*", "får", "far", "safety", "rädd"] {
            func hits(_ cli: CLIRunner, postgres: Bool) async throws -> Set<String> {
                let list = try #require(try await json(cli, ["search", query], postgres: postgres) as? [[String: Any]])
                return Set(list.map { "\($0["document"]!)#\($0["start"]!)" })
            }
            let sqlite = try await hits(onSQLite, postgres: false)
            #expect(!sqlite.isEmpty, "\(query)")
            #expect(try await hits(onPostgres, postgres: true).isSuperset(of: sqlite), "\(query)")
        }
        // A coding added through the CLI is in PostgreSQL, with its history.
        let added = try await onPostgres.run(["code", "add", "int-001", "--start", "13", "--end", "18", "--code", "need.safety.night",
                                        "--coder", "Tess"] + store)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try await codings(onPostgres, postgres: true).count == (try codings(onSQLite, postgres: false)).count + 1)
    }

    /// `init --store`: the database is migrated and the new workspace's fieldwork.yaml names it,
    /// so later commands use it without --store; an unreachable server creates nothing.
    @Test(.enabled(if: PostgresDatabase.runsExplicitTests, PostgresDatabase.explicitTestsSkipped))
    func initWithAStoreMigratesItAndNamesItInTheWorkspace() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let noStore = ["FIELDWORK_STORE": ""]
        let made = try await cli.run(["init", root.path, "--store", database.url], environment: noStore)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try database.psql("SELECT 1 FROM fieldwork_migration LIMIT 1").status == 0)
        let yaml = try String(contentsOf: root.appending(path: "fieldwork.yaml"), encoding: .utf8)
        #expect(yaml.contains("store: \"\(database.url)\""), "\(yaml)")
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: ".fieldwork/fieldwork.sqlite").path))
        let status = try await cli.run(["status", "--json"], environment: noStore)
        #expect(status.status == 0, "\(status.stderr)")
        let counts = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        #expect(counts?["documents"] as? Int == 0)
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: ".fieldwork/fieldwork.sqlite").path))

        let elsewhere = root.appending(path: "unreachable")
        let refused = try await cli.run(["init", elsewhere.path, "--store", "postgresql://nobody@127.0.0.1:1/none"], environment: noStore)
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("Error: --store postgresql://nobody@127.0.0.1:1/none: ")
                && refused.stderr.contains("no workspace was created"), "\(refused.stderr)")
        #expect(refused.stderr.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: elsewhere.path))
        let secret = try await cli.run(["init", elsewhere.path, "--store", "postgresql://u:secret@127.0.0.1/db"], environment: noStore)
        #expect(secret.status != 0 && secret.stderr.contains("give it in PGPASSWORD"), "\(secret.stderr)")
    }

    /// `init EXISTING --store URL` on a workspace whose study is in its SQLite file switched it to
    /// the empty database, saying "nothing in it was replaced", and the next `serve` ran without
    /// the accounts (found by a new user). It is refused, naming what the file holds and `store
    /// copy --to`; once the study is copied, the same command names the database.
    @Test(.enabled(if: PostgresDatabase.serverURL != nil, "FIELDWORK_TEST_POSTGRES_URL is not set (make test sets it)"))
    func initWithAStoreOnAStudyInItsSQLiteFileIsRefusedUntilItIsCopied() async throws {
        let database = try PostgresDatabase()
        defer { database.drop() }
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy(telemetry: false))
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        let sqliteOnly = ["FIELDWORK_STORE": ""]
        #expect(try await cli.run(["ingest"], environment: sqliteOnly).status == 0)
        let account = try await cli.run(["account", "create", "Anna Lind", "--role", "admin"], environment: sqliteOnly,
                                        input: "ett långt lösenord\n")
        #expect(account.status == 0, "\(account.stderr)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(try await cli.run(["status", "--json"], environment: sqliteOnly)
            .stdout.utf8)) as? [String: Any])["documents"] as? Int

        let refused = try await cli.run(["init", cli.workspace.path, "--store", database.url], environment: sqliteOnly)
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("Error: this workspace's study is in its SQLite file (.fieldwork/fieldwork.sqlite: \(documents ?? -1) documents")
                && refused.stderr.contains("1 accounts") && refused.stderr.contains("store copy --to \(database.url)`")
                && refused.stderr.contains("the workspace was not changed"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("nothing in it was replaced"))
        #expect(!FileManager.default.fileExists(atPath: cli.workspace.appending(path: "fieldwork.yaml").path))

        let copied = try await cli.run(["store", "copy", "--to", database.url], environment: sqliteOnly)
        #expect(copied.status == 0, "\(copied.stderr)")
        let named = try await cli.run(["init", cli.workspace.path, "--store", database.url], environment: sqliteOnly)
        #expect(named.status == 0 && named.stdout.contains("its study is in \(database.url)"), "\(named.stdout)\(named.stderr)")
        let accounts = try await cli.run(["account", "list"], environment: sqliteOnly)
        #expect(accounts.stdout.contains("Anna Lind"), "\(accounts.stdout)\(accounts.stderr)")
    }

    @Test func aStoreThatIsNotPostgresIsRefusedInOneLine() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        let result = try await cli.run("status", "--store", "mysql://x@localhost/db")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--store must be a postgresql:// URL"))
        try "store: sqlite\n".write(to: cli.workspace.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
        let fromFile = try await cli.run("status", environment: ["FIELDWORK_STORE": ""])
        #expect(fromFile.status != 0)
        #expect(fromFile.stderr.contains("fieldwork.yaml:1") && fromFile.stderr.contains("store must be a postgresql:// URL"))
    }

    /// A password in fieldwork.yaml's `store:` was accepted and used, though the file is shared and
    /// the password comes from PGPASSWORD (`init` refuses such a URL); a bad option there was
    /// refused without the file's line (found by a new user). Both are refused when the file is
    /// read, naming its line, before any connection; the password is not repeated.
    @Test func aPasswordOrABadOptionInTheFilesStoreIsRefusedWithItsLine() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        defer { try? FileManager.default.removeItem(at: cli.workspace) }
        for (url, problem) in [
            ("postgresql://fw:secret@127.0.0.1:1/db", "the store URL holds a password, and fieldwork.yaml is shared with the team: "
                + "remove it from the URL and give it in PGPASSWORD"),
            ("postgresql://fw@127.0.0.1:1/db?pool_size=abc", "store: pool_size 'abc' is not a whole number from 1 to 1000 "
                + "(expected postgresql://user@host[:port]/database, the password in PGPASSWORD)"),
        ] {
            try "interface_language: en\nstore: \(url)\n".write(to: cli.workspace.appending(path: "fieldwork.yaml"), atomically: true, encoding: .utf8)
            let result = try await cli.run("status", environment: ["FIELDWORK_STORE": ""])
            #expect(result.status != 0)
            #expect(result.stderr.contains("fieldwork.yaml:2") && result.stderr.contains(problem), "\(result.stderr)")
            #expect(!result.stderr.contains("secret") && !result.stderr.contains("unavailable"), "\(result.stderr)")
        }
    }
}

/// A fresh database on the test server, made and dropped with `psql`.
struct PostgresDatabase {
    static let serverURL = ProcessInfo.processInfo.environment["FIELDWORK_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// The tests that name PostgreSQL themselves (and compare it with SQLite) run once, in the
    /// SQLite pass: the PostgreSQL pass would repeat the same work against the same cluster.
    static let runsExplicitTests = serverURL != nil && TestStore.isSQLite
    static let explicitTestsSkipped: Comment = "FIELDWORK_TEST_POSTGRES_URL is not set (make test sets it), or this is the PostgreSQL pass (it ran in the SQLite pass)"
    let name = "fieldwork_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    let url: String

    init() throws {
        let server = try #require(Self.serverURL)
        var components = try #require(URLComponents(string: server))
        components.path = "/" + name
        url = try #require(components.string)
        let made = try Self.psql("CREATE DATABASE \(name)")
        try #require(made.status == 0, "\(made.stderr)")
    }

    func drop() {
        _ = try? Self.psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs `sql` in this database.
    func psql(_ sql: String) throws -> ProcessOutput {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/psql"), [url, "-v", "ON_ERROR_STOP=1", "-qc", sql])
    }

    private static func psql(_ sql: String) throws -> ProcessOutput {
        try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/psql"), [try #require(serverURL), "-v", "ON_ERROR_STOP=1", "-qc", sql])
    }
}

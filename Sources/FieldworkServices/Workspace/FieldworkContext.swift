import Foundation
import FieldworkCore
import FieldworkPostgres
import FieldworkStore

/// A workspace opened for work: its folders and its store. Both faces (CLI and web) start here.
public struct FieldworkContext: Sendable {
    public let workspace: Workspace
    public let store: any FieldworkStore
    /// The one writer of the workspace's codings files, shared by everything this process does.
    public let ledger: CodingLedger
    /// The one editor of the codebook YAML: it serialises edits, so everything in this process shares it.
    public let codebookEditor: CodebookEditor
    /// The group commit of coding writes: one per process, so concurrent requests share a
    /// transaction (nil: each write alone, for the benchmark's baseline).
    public let codingWrites: CodingWriteQueue?
    /// The store's background work while serving (SQLite checkpoints); the server runs it.
    public let housekeeping: (any StoreHousekeeping)?
    /// A read-only server (a hot standby): its audit entries go to a log of its own
    /// (`AuditLog.standby`), since its database takes no writes, not even the audit head.
    public private(set) var keepsStandbyAudit = false
    /// What opening a document works out from its text alone, per stamp (bounded; see the type).
    public let documentCache = DocumentContentCache()

    /// - Parameter deferredLedger: write the codings files shortly after each change, off the
    ///   request path (a server), instead of at once (the CLI, tests).
    public init(workspace: Workspace, store: any FieldworkStore, deferredLedger: Bool = false,
                housekeeping: (any StoreHousekeeping)? = nil, groupCommit: Bool = true) {
        self.workspace = workspace
        codingWrites = groupCommit ? CodingWriteQueue(store: store) : nil
        self.store = store
        self.housekeeping = housekeeping
        ledger = CodingLedger(folder: workspace.codingsFolder, deferred: deferredLedger)
        codebookEditor = CodebookEditor(workspace: workspace, store: store)
    }

    /// This context as a read-only server uses it: the same store, its audit kept apart.
    public func readingOnly() -> FieldworkContext {
        var context = self
        context.keepsStandbyAudit = true
        return context
    }

    /// Connects to the PostgreSQL database `storeURL` names and brings its schema up to date,
    /// then lets it go (`fieldwork init --store`): an unreachable server or a refused login fails here.
    public static func prepare(storeURL: String) async throws {
        try await PostgresStore.probe(url: storeURL)
        let store = try await PostgresStore.connect(url: storeURL)
        store.close()
    }

    /// Opens the workspace's store: the PostgreSQL database `storeURL` names (else `store:` in
    /// fieldwork.yaml), or else the workspace's SQLite database (creating it, owner-only, if
    /// needed). A server (`serving`) keeps the database's housekeeping and the codings files off
    /// its requests' path.
    /// `FIELDWORK_GROUP_COMMIT=off` writes each coding in a transaction of its own: the
    /// baseline `bench/write_bench.py` measures the group commit against.
    /// - Parameter backgroundCheckpoints: a command that writes much (ingest) copies the SQLite
    ///   log back from a connection of its own, as a server does, while it runs the housekeeping
    ///   (`withHousekeeping`), so that its commits do not wait for the copies.
    public static func open(_ workspace: Workspace, serving: Bool = false, storeURL: String? = nil,
                            backgroundCheckpoints: Bool = false) throws -> FieldworkContext {
        let groupCommit = ProcessInfo.processInfo.environment["FIELDWORK_GROUP_COMMIT"] != "off"
        if let url = try storeURL ?? workspace.settings().store {
            return FieldworkContext(workspace: workspace, store: try PostgresStore.open(url: url), deferredLedger: serving,
                                    groupCommit: groupCommit)
        }
        let database = try AppDatabase.open(path: workspace.databasePath,
                                            checkpoints: serving || backgroundCheckpoints ? .background(every: .seconds(1)) : .automatic)
        return FieldworkContext(workspace: workspace, store: SQLiteStore(database), deferredLedger: serving,
                                housekeeping: database.housekeeping, groupCommit: groupCommit)
    }

    /// Runs `body` with the store's housekeeping beside it, then stops the housekeeping, whose
    /// last checkpoint copies what is left of the log (a command opened with
    /// `backgroundCheckpoints`; without housekeeping, only `body`).
    public func withHousekeeping<Result>(_ body: () async throws -> Result) async throws -> Result {
        guard let housekeeping else { return try await body() }
        let running = Task { await housekeeping.run() }
        let result: Result
        do {
            result = try await body()
        } catch {
            running.cancel()
            await running.value
            throw error
        }
        running.cancel()
        await running.value
        return result
    }
}

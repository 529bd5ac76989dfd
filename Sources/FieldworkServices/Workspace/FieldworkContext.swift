import FieldworkCore
import FieldworkPostgres
import FieldworkStore

/// A workspace opened for work: its folders and its store. Both faces (CLI and web) start here.
public struct FieldworkContext: Sendable {
    public let workspace: Workspace
    public let store: any FieldworkStore
    /// The one writer of the workspace's codings files, shared by everything this process does.
    public let ledger: CodingLedger

    /// - Parameter deferredLedger: write the codings files shortly after each change, off the
    ///   request path (a server), instead of at once (the CLI, tests).
    public init(workspace: Workspace, store: any FieldworkStore, deferredLedger: Bool = false) {
        self.workspace = workspace
        self.store = store
        ledger = CodingLedger(folder: workspace.codingsFolder, deferred: deferredLedger)
    }

    /// Opens the workspace's store: the PostgreSQL database `storeURL` names (else `store:` in
    /// fieldwork.yaml), or else the workspace's SQLite database (creating it, owner-only, if
    /// needed). A server (`serving`) keeps the database's housekeeping and the codings files off
    /// its requests' path.
    public static func open(_ workspace: Workspace, serving: Bool = false, storeURL: String? = nil) throws -> FieldworkContext {
        if let url = try storeURL ?? workspace.settings().store {
            return FieldworkContext(workspace: workspace, store: try PostgresStore.open(url: url), deferredLedger: serving)
        }
        let database = try AppDatabase.open(path: workspace.databasePath,
                                            checkpoints: serving ? .background(every: .seconds(1)) : .automatic)
        return FieldworkContext(workspace: workspace, store: SQLiteStore(database), deferredLedger: serving)
    }

    public var ingest: IngestService { IngestService(workspace: workspace, store: store, ledger: ledger) }
    public var transcripts: TranscriptImportService { TranscriptImportService(workspace: workspace, store: store) }
    public var codings: CodingService { CodingService(store: store, ledger: ledger) }
    public var segmentsExport: SegmentsExport { SegmentsExport(store: store) }
    public var memos: MemoService { MemoService(store: store, ledger: ledger) }
    public var retrieval: RetrievalService { RetrievalService(store: store) }
    public var search: SearchService { SearchService(store: store) }
    public var backups: BackupService { BackupService(store: store) }
    public var agreement: AgreementService { AgreementService(store: store) }
    public var adjudication: AdjudicationService { AdjudicationService(store: store, codings: codings, memos: memos) }
}

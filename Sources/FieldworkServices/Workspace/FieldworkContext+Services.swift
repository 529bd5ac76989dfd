import FieldworkCore

/// The composition root's services: every service the web and CLI faces use is reached from the
/// context, built from its workspace, store and ledger, so no face wires services on its own.
/// Stateless services are cheap values made on each use; shared state (the ledger, the codebook
/// editor, the store's housekeeping) is held once by the context itself.
extension FieldworkContext {
    public var ingest: IngestService { IngestService(workspace: workspace, store: store, ledger: ledger) }
    public var transcripts: TranscriptImportService { TranscriptImportService(workspace: workspace, store: store) }
    public var codings: CodingService { CodingService(store: store, ledger: ledger, writes: codingWrites) }
    public var segmentsExport: SegmentsExport { SegmentsExport(store: store) }
    public var memos: MemoService { MemoService(store: store, ledger: ledger) }
    public var retrieval: RetrievalService { RetrievalService(store: store) }
    public var attributeChoices: AttributeChoicesService { AttributeChoicesService(store: store) }
    public var search: SearchService { SearchService(store: store) }
    public var backups: BackupService { BackupService(store: store) }
    public var agreement: AgreementService { AgreementService(store: store) }
    public var adjudication: AdjudicationService { AdjudicationService(store: store, codings: codings, memos: memos) }
    public var handouts: HandoutService { HandoutService(workspace: workspace, store: store) }
    public var actorMap: ActorMapService { ActorMapService(workspace: workspace, store: store) }
    public var erasure: ErasureService { ErasureService(context: self) }
    public var redaction: RedactionService { RedactionService(context: self) }
    public var caseMatrix: CaseMatrix { CaseMatrix(store: store) }
    public var documentListing: DocumentListing { DocumentListing(store: store) }
    /// The codebook as pages, the API and exports show it (consent applied to its examples).
    public var shownCodebook: ShownCodebook { ShownCodebook(store: store) }
    public var codebookCheck: CodebookCheck { CodebookCheck(workspace: workspace, store: store) }
    public var ledgerWatcher: LedgerWatcher { LedgerWatcher(context: self) }
    public var needsRegisterExport: NeedsRegisterExport { NeedsRegisterExport(store: store) }
    public var telemetryExport: TelemetryExport { TelemetryExport(store: store) }
    public var participantsExport: ParticipantsExport { ParticipantsExport(store: store) }
    public var studyReport: StudyReportService { StudyReportService(workspace: workspace, store: store) }
    public var policyLabRegisterExport: PolicyLabRegisterExport { PolicyLabRegisterExport(workspace: workspace, store: store) }
}

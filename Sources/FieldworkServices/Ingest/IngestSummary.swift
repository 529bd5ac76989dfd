import FieldworkCore

/// What one ingest run did; printed by the CLI, returned by the API.
public struct IngestSummary: Sendable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var failed = 0
    /// Segments written for added and updated documents.
    public var segments = 0
    /// Ids of the documents added or updated, for the audit log.
    public var changedDocuments: [String] = []
    public var codingsReanchored = 0
    public var orphaned = 0
    /// Orphans whose text came back and that re-attached.
    public var recovered = 0
    /// Codings moved to a new code id through `formerly`.
    public var codingsRemapped = 0
    /// Codings a merge made duplicates of others (the same span, code and coder): removed, each
    /// with a history event naming the one kept. Removed id → kept id.
    public var duplicatesRemoved: [String: String] = [:]
    /// Memos on codes moved with their codings to the code that lists the old id in `formerly`.
    public var memosMoved = 0
    /// Codes in the codebook after this run, if the codebook was (re)loaded.
    public var codes: Int?
    public var participants: Int?
    /// Documents whose file is gone: kept, with their codings, and listed here.
    public var missing: [String] = []
    public var problems: [SourceProblem] = []
    /// What is ingested but needs attention (a recording named in front matter that is not
    /// there); the run still succeeds.
    public var warnings: [SourceProblem] = []
    /// Telemetry files under `corpus/telemetry/` imported by this run, each as `telemetry import`
    /// reports it (readings stored, already stored, refused for consent).
    public var telemetry: [TelemetryImportReport] = []
    /// Telemetry files skipped: taken in before in the same content.
    public var telemetryUnchanged = 0
    /// Telemetry files with a problem (in `problems`): nothing of them taken in. `failed` counts
    /// transcripts and notes only.
    public var telemetryFailed = 0
    /// What the codings ledger (`codings/*.jsonl`) brought in and took out.
    public var ledger = LedgerSync.Report()

    public init() {}

    public var succeeded: Bool { problems.isEmpty }
}

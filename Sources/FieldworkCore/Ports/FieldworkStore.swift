/// Everything the services need from persistent storage.
///
/// SQL lives behind this protocol: the SQLite store implements it today, and a PostgreSQL store
/// for a shared team server can implement it later without touching the domain, web or CLI
/// code. Every method is atomic: it either happens completely or changes nothing.
public protocol FieldworkStore: DocumentOpenStore, CodingWriteStore, MemoStore, TelemetryStore, NeedsStore, LedgerStore, AuditHeadStore,
    ErasureStore, AccountStore, StoreReplication, Sendable {
    // MARK: Ingest
    /// Whether several workspaces (each researcher's clone) may ingest into this store: a team
    /// server's database. Ingest then keeps one workspace from replacing a text another has
    /// changed since (`IngestBase`).
    var sharedByWorkspaces: Bool { get }
    /// What was ingested from each workspace file, by relative path.
    func sourceFiles() async throws -> [String: SourceFileState]
    /// Stores new and changed documents, each in its own savepoint inside one transaction, and
    /// re-anchors their codings into the new text.
    func applyDocuments(_ changes: [DocumentChange]) async throws -> [DocumentApplyResult]
    /// Records new stamps (size and modification time) of files whose bytes were read and found
    /// unchanged, by path, so that the next ingest need not read them; paths not stored are ignored.
    func recordFileStamps(_ stamps: [String: FileStamp]) async throws
    /// Replaces the codebook; refuses (throws `CodebookChangeRefused`) if codes with codings would vanish.
    func replaceCodebook(_ codebook: Codebook, files: [SourceFileState]) async throws -> CodebookApplyResult
    func replaceParticipants(_ participants: [Participant], file: SourceFileState) async throws

    // MARK: Reading
    func counts() async throws -> WorkspaceCounts
    func documents() async throws -> [DocumentSummary]
    /// The documents whose front matter names a recording (`media:`), as `documents()` lists
    /// them: what ingest checks every run, without listing the whole corpus.
    func documentsWithRecordings() async throws -> [DocumentSummary]
    /// One page of the documents `filter` lets through, filtered and counted by the store: the
    /// documents list costs its page, not the corpus.
    func documents(_ filter: DocumentFilter, offset: Int, limit: Int) async throws -> DocumentPage
    /// For each of these documents that has segments or codings: its segments' total length and
    /// its anchored codings' spans (the documents list's coded share), without the codings themselves.
    func codingCoverage(documentIDs: [String]) async throws -> [String: CodingCoverage]
    func document(id: String) async throws -> StoredDocument?
    /// The document's text around `span` (`TextWindow.bounds`), or nil if there is no such document.
    func textWindow(documentID: String, around span: Range<Int>) async throws -> TextWindow?
    func segments(documentID: String) async throws -> [Segment]
    func codebook() async throws -> Codebook
    /// Whether the codebook has a code with this id (cheaper than loading the codebook).
    func codeExists(_ id: String) async throws -> Bool
    func participants() async throws -> [Participant]
    /// Each distinct attribute (key and value as stored) with the first participant by id who
    /// has it, in no particular order: the attribute picker's choices without reading the register.
    func participantAttributeValues() async throws -> [AttributeOccurrence]
    // `participants(ids:)`: see `DocumentOpenStore`.
    func search(_ query: SearchQuery) async throws -> [SearchHit]

    // MARK: Codings
    func codings(_ filter: CodingFilter) async throws -> [Coding]
    /// Live codings (anchored and orphaned) per code id: counted by the store, not by loading them.
    func codingCountsByCode() async throws -> [String: Int]
    /// Everyone with a live coding, sorted.
    func coders() async throws -> [String]
    func coding(id: String) async throws -> Coding?
    func insertCoding(_ coding: Coding) async throws
    /// The coding writes in one transaction (a group commit: concurrent requests share its
    /// COMMIT), in order, each in a savepoint of its own: a write that fails (a stale version, a
    /// duplicate, a missing document or code, whatever an insert's `build` throws) is rolled back
    /// alone and its result is the error it would have thrown alone; the others are written.
    /// One result per write, in order; it throws only if the transaction itself fails (then
    /// nothing was written). The single-write methods (`CodingWrite.swift`) are batches of one:
    /// - `insertCoding(documentID:around:codeID:build:)` inserts the coding `build` makes from the
    ///   document's text around `span` and whether `codeID` exists, all read in the inserting
    ///   transaction: an ingest that changes the text cannot slip in between reading it and
    ///   storing the anchor. `StoreError.notFound` if there is no such document;
    ///   `StoreError.duplicateCoding` if a live anchored coding has the same span, code and coder
    ///   (it would count twice); whatever `build` throws leaves the store unchanged.
    /// - `updateCoding` writes `coding` if the stored version is still `coding.version - 1`; else
    ///   `StoreError.staleVersion`.
    /// - `removeCoding` removes a coding from every list; the row is kept with who removed it and when.
    func writeCodings(_ writes: [CodingWrite]) async throws -> [CodingWriteResult]
    /// Everything that happened to a coding, oldest first (removed codings too); nil if there
    /// never was a coding with this id. Every change above, ingest's re-anchoring, a codebook
    /// merge and a take-in from the codings files appends its event in its own transaction.
    func codingHistory(id: String) async throws -> [CodingEvent]?
    /// The ids of codings that begin with `prefix`, in id order, at most `limit`: codings in use
    /// only, or removed ones too (`includingRemoved`). For commands that take the beginning of an id.
    func codingIDs(beginningWith prefix: String, includingRemoved: Bool, limit: Int) async throws -> [String]
}

/// Errors every store reports the same way, so the web and CLI faces can map them.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is not there, said as `UnknownName` says it: "document 'int-001'" reads
    /// "no document 'int-001'" (one shape for every "not there" the faces show).
    case notFound(String)
    case staleVersion(id: String, expected: Int, actual: Int)
    case conflict(String)
    /// The same coder already coded exactly this span with this code (the existing coding's id).
    case duplicateCoding(existingID: String)

    public var description: String {
        switch self {
        case .notFound(let what): "no \(what)"
        case .staleVersion(let id, let expected, let actual):
            "\(id) was changed by someone else (version \(actual), you had \(expected)); reload and try again"
        case .conflict(let detail): detail
        case .duplicateCoding(let id):
            "this span is already coded with this code by this coder (\(id)); nothing was added"
        }
    }
}

extension FieldworkStore {
    /// A workspace's own database (SQLite) is ingested into from that workspace alone.
    public var sharedByWorkspaces: Bool { false }
}

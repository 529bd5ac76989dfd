/// What the store offers the codings ledger (`codings/*.jsonl`).
///
/// `ledger_seen` remembers, per coding and memo, the ledger version the files hold and when a
/// person last changed it then (the later of its update and removal times). A row whose change
/// time differs was changed here and not yet written to a file (a crash, an import, a workspace
/// from before the ledger); re-anchoring during ingest changes no person's time, so it is never
/// written out — each machine places codings in its own text.
public protocol LedgerStore: Sendable {
    /// Codings and memos changed here since they were last written to or taken from the files,
    /// as ledger records (changed by the remover, else the last editor, else the author).
    func unsyncedLedgerRecords() async throws -> [LedgerRecord]
    /// These codings and memos as ledger records, removed or not, in one read (ids with no row
    /// are left out; the order is not the ids'). A server's codings-file flush reads every
    /// change of the last moment with it, instead of one read per change.
    func ledgerRecords(ids: [String]) async throws -> [LedgerRecord]
    /// The ledger version of each coding and memo last taken from or written to the files.
    func ledgerVersions() async throws -> [String: Int]
    /// Notes that these records are in the files now: each coding or memo that is still at its
    /// record's version. One changed since (by a browser while the file was written, by another
    /// process) is left unsynced, so that its new state is written out next; noting it by id
    /// alone would have marked a state no file holds as written.
    func noteLedgerWritten(_ records: [LedgerRecord]) async throws
    /// Writes merged records (codings already placed in their document's current text) and notes
    /// their ledger versions, all in one transaction: a refused change leaves the store as it was.
    func applyLedger(_ changes: [LedgerChange]) async throws
    /// Codings in use whose code is not in the codebook (taken in from a colleague's file), as
    /// ledger records in id order: who changed them last names the file that holds them.
    func ledgerCodingsWithUnknownCodes() async throws -> [LedgerRecord]
}

extension LedgerStore {
    /// One coding or memo as a ledger record, removed or not (nil if there is no such id).
    public func ledgerRecord(id: String) async throws -> LedgerRecord? {
        try await ledgerRecords(ids: [id]).first
    }
}

/// A record from the ledger files to take into the store.
public enum LedgerChange: Sendable, Hashable {
    /// The coding as it should now be stored (its place resolved in the current text), who made
    /// this version, whether it was removed, the ledger version it comes from and the file that
    /// holds it (`codings/bo.jsonl`, for the coding's history).
    case coding(Coding, changedBy: String, removed: LedgerRecord.Removal?, ledgerVersion: Int, file: String)
    case memo(Memo, removed: LedgerRecord.Removal?, ledgerVersion: Int)
}

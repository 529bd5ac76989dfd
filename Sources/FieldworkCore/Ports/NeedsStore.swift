/// Persistence for need–solution links, kept beside `FieldworkStore` (same rule: atomic).
///
/// A removed link is kept, marked removed (who, when), as codings and memos are: the ledger
/// files need its removal to travel, and a colleague's older file must not bring it back.
public protocol NeedsStore: Sendable {
    /// Links of one need, or of all needs when `needID` is nil; removed links are left out.
    func needLinks(needID: String?) async throws -> [NeedSolutionLink]
    /// Inserts the link, or replaces the earlier link of the same need and solution (a removed
    /// one included: it is linked again).
    func saveNeedLink(_ link: NeedSolutionLink) async throws
    /// Marks the link of this need and solution removed; returns it as it was, or nil when there
    /// was none (or it was removed already).
    func removeNeedLink(needID: String, solutionID: String, removal: LedgerRecord.Removal) async throws -> NeedSolutionLink?
    /// Every link as a ledger record, removed ones included (for `NeedLinkReconciliation`).
    func needLinkRecords() async throws -> [LedgerRecord.NeedLinkEntry]
    /// Stores these states of links (taken from the ledger files), all in one transaction.
    func applyNeedLinks(_ entries: [LedgerRecord.NeedLinkEntry]) async throws
}

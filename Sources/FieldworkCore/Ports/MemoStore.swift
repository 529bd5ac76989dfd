/// Persistence for analytic memos, kept beside `FieldworkStore` (same rules: atomic, versioned).
public protocol MemoStore: Sendable {
    func memos(target: Memo.Target?, targetID: String?) async throws -> [Memo]
    func memo(id: String) async throws -> Memo?
    func insertMemo(_ memo: Memo) async throws
    /// Writes `memo` if the stored version is still `memo.version - 1`; else `StoreError.staleVersion`.
    func updateMemo(_ memo: Memo) async throws
    func removeMemo(id: String, by author: String, expectedVersion: Int?) async throws
}

import FieldworkCore

/// Deleting and merging codes from the browser, through the same YAML rewrite and ingest as
/// adding and renaming. A code is deleted only while nothing is coded with it and nothing sits
/// below it; merging moves its codings to another code by writing its id into that code's
/// `formerly` (the codebook's own record of a merge, which ingest follows and the coding
/// history records as "merged").
extension CodebookEditor {
    public func remove(id: String) async throws {
        let before = try currentCodes()
        guard let code = before.first(where: { $0.id == id }) else { throw CodingError.unknownCode(id) }
        try requireLeaf(code, in: before)
        let count = try await store.codingCountsByCode()[id] ?? 0
        if count > 0 {
            throw CodebookEditError.hasCodings(id, count: count)
        }
        // A memo on the code would be left on an id no page shows (found by a new user).
        let memos = try await store.memos(target: .code, targetID: id).count
        if memos > 0 {
            throw CodebookEditError.hasMemos(id, count: memos)
        }
        let codes = before.filter { $0.id != id }
        try await save(codes, replacing: before, touching: [code.source?.file ?? "codebooks/codebook.yaml"])
    }

    /// What a merge did besides moving the codings.
    public struct Merged: Sendable {
        /// The target as stored.
        public var code: Code
        /// Codings that became duplicates of the target's (same span and coder): removed id → kept id.
        public var duplicatesRemoved: [String: String]
        public var memosMoved: Int
    }

    /// Merges `id` into `target`: `id` leaves the codebook and its codings and memos (and ids it
    /// replaced before) now belong to `target`.
    public func merge(id: String, into target: String) async throws -> Merged {
        let before = try currentCodes()
        guard let code = before.first(where: { $0.id == id }) else { throw CodingError.unknownCode(id) }
        guard let into = before.firstIndex(where: { $0.id == target }) else { throw CodingError.unknownCode(target) }
        guard target != id else { throw CodebookEditError.mergeIntoItself(id) }
        try requireLeaf(code, in: before)
        var codes = before
        var merged = codes[into]
        for old in [id] + code.formerly where !merged.formerly.contains(old) { merged.formerly.append(old) }
        codes[into] = merged
        codes.removeAll { $0.id == id }
        let files: Set<String> = [code.source?.file, merged.source?.file].reduce(into: []) { $0.insert($1 ?? "codebooks/codebook.yaml") }
        let summary = try await save(codes, replacing: before, touching: files).summary
        return Merged(code: try await stored(target), duplicatesRemoved: summary.duplicatesRemoved, memosMoved: summary.memosMoved)
    }

    private func requireLeaf(_ code: Code, in codes: [Code]) throws {
        let children = codes.filter { $0.parentID == code.id }.count
        if children > 0 {
            throw CodebookEditError.hasChildren(code.id, count: children)
        }
    }
}

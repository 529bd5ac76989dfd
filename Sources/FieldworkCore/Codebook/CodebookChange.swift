/// What replacing the stored codebook with a new one does to existing codings.
public struct CodebookChange: Sendable, Hashable {
    /// Old id → new id, for codings whose code was renamed or merged (`formerly`).
    public var remap: [String: String]
    /// Stored ids that neither exist in the new codebook nor are remapped.
    public var removed: Set<String>

    public init(storedIDs: Set<String>, new codebook: Codebook) {
        let remap = codebook.remappedIDs
        self.remap = remap
        removed = storedIDs.filter { !codebook.contains($0) && remap[$0] == nil }
    }
}

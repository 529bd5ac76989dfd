/// Persistence for need–solution links, kept beside `FieldworkStore` (same rule: atomic).
public protocol NeedsStore: Sendable {
    /// Links of one need, or of all needs when `needID` is nil.
    func needLinks(needID: String?) async throws -> [NeedSolutionLink]
    /// Inserts the link, or replaces the earlier link of the same need and solution.
    func saveNeedLink(_ link: NeedSolutionLink) async throws
}

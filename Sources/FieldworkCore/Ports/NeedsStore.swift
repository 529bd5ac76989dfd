/// Persistence for need–solution links, kept beside `FieldworkStore` (same rule: atomic).
public protocol NeedsStore: Sendable {
    /// Links of one need, or of all needs when `needID` is nil.
    func needLinks(needID: String?) async throws -> [NeedSolutionLink]
    /// Inserts the link, or replaces the earlier link of the same need and solution.
    func saveNeedLink(_ link: NeedSolutionLink) async throws
    /// Removes the link of this need and solution; returns it, or nil when there was none.
    func removeNeedLink(needID: String, solutionID: String) async throws -> NeedSolutionLink?
}

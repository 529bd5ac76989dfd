/// What a participant agreed to, when, and whether it was withdrawn.
public struct Consent: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var scopes: [ConsentScope]
    /// `YYYY-MM-DD`; from this day the consent no longer holds.
    public var withdrawn: String?

    public init(id: String, date: String, scopes: [ConsentScope], withdrawn: String? = nil) {
        self.id = id
        self.date = date
        self.scopes = scopes
        self.withdrawn = withdrawn
    }

    /// Whether the consent covers `scope` on `day` (`YYYY-MM-DD`; ISO dates compare as text).
    public func covers(_ scope: ConsentScope, on day: String) -> Bool {
        guard scopes.contains(scope), date <= day else { return false }
        if let withdrawn { return day < withdrawn }
        return true
    }
}

public enum ConsentScope: String, Sendable, Codable, CaseIterable {
    case interview
    case recording
    case quote
    case telemetry
    case workshop
    case shareAnonymised = "share-anonymised"
}

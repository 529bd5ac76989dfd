/// A research participant, known by pseudonym only.
public struct Participant: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var role: ParticipantRole
    public var administrations: [Administration]
    /// Free attributes such as age band or living situation, for filtering and case variables.
    public var attributes: [String: String]
    public var consents: [Consent]

    public init(
        id: String, role: ParticipantRole, administrations: [Administration] = [],
        attributes: [String: String] = [:], consents: [Consent] = []
    ) {
        self.id = id
        self.role = role
        self.administrations = administrations
        self.attributes = attributes
        self.consents = consents
    }
}

public enum ParticipantRole: String, Sendable, Codable, CaseIterable {
    case resident
    case relative
    case staff
    case researcher
    case other
}

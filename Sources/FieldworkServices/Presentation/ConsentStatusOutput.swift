import FieldworkCore

/// `fieldwork consent status --json`: every participant's consent state on a day, and the
/// retention dates that have passed. Pseudonyms only; the register holds no names.
public struct ConsentStatusOutput: Encodable, Sendable {
    public struct Person: Encodable, Sendable {
        public let participant: String
        public let role: String
        public let state: String
        public let scopes: [String]
        public let ended: [String]
        public let telemetryDevices: [String]
        public let retainUntil: [String]
        @AlwaysEncoded public var lastEvent: String?

        enum CodingKeys: String, CodingKey {
            case participant, role, state, scopes, ended
            case telemetryDevices = "telemetry_devices", retainUntil = "retain_until", lastEvent = "last_event"
        }
    }

    public struct Overdue: Encodable, Sendable {
        public let participant: String
        public let consent: String
        public let retainUntil: String

        enum CodingKeys: String, CodingKey { case participant, consent, retainUntil = "retain_until" }
    }

    public let date: String
    public let participants: [Person]
    public let retentionPastDue: [Overdue]

    enum CodingKeys: String, CodingKey { case date, participants, retentionPastDue = "retention_past_due" }

    public init(_ statuses: [ConsentStatus], date: String) {
        self.date = date
        participants = statuses.map { status in
            Person(participant: status.participant, role: status.role.rawValue, state: status.state.rawValue,
                   scopes: status.scopes.map(\.rawValue), ended: status.ended.map(\.rawValue),
                   telemetryDevices: status.telemetryDevices, retainUntil: status.retainUntil,
                   lastEvent: status.lastEvent.map { "\($0.kind.rawValue) \($0.date)" })
        }
        retentionPastDue = statuses.flatMap { status in
            status.overdue.map { Overdue(participant: status.participant, consent: $0.consent, retainUntil: $0.retainUntil) }
        }
    }

    /// Today's status of every participant in the store.
    public static func today(store: any FieldworkStore) async throws -> ConsentStatusOutput {
        let rule = ConsentRule.today([])
        let statuses = try await store.participants().map { ConsentStatus($0, on: rule.today) }
        return ConsentStatusOutput(statuses, date: rule.today)
    }
}

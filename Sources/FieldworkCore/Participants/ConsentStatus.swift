/// Where a participant's consent stands on a day: which scopes hold, what was withdrawn, and
/// which retention dates have passed (the material is due for deletion or anonymisation).
public struct ConsentStatus: Sendable, Hashable {
    public enum State: String, Sendable, Hashable {
        /// Every consent holds as given.
        case active
        /// Some scope or consent ended (withdrawn or amended away); others hold.
        case partlyWithdrawn = "partly-withdrawn"
        /// Nothing holds any more.
        case withdrawn
        /// No consent is recorded.
        case none
    }

    public struct Overdue: Sendable, Hashable {
        public let consent: String
        public let retainUntil: String
    }

    public let participant: String
    public let role: ParticipantRole
    public let state: State
    /// Scopes in force on the day, in `ConsentScope` order.
    public let scopes: [ConsentScope]
    /// Scopes once given and no longer in force.
    public let ended: [ConsentScope]
    /// Device types telemetry is limited to (empty: any, when `telemetry` holds).
    public let telemetryDevices: [String]
    public let retainUntil: [String]
    public let overdue: [Overdue]
    /// The latest recorded event (`kind`, `date`), for a quick look at what changed last.
    public let lastEvent: ConsentEvent?

    public init(_ participant: Participant, on day: String) {
        self.participant = participant.id
        role = participant.role
        let consents = participant.consents
        let holds = ConsentScope.allCases.filter { scope in consents.contains { $0.covers(scope, on: day) } }
        scopes = holds
        ended = ConsentScope.allCases.filter { scope in
            !holds.contains(scope) && consents.contains { consent in consent.periods(of: scope).contains { $0.until.map { $0 <= day } ?? false } }
        }
        let holding = consents.filter { !$0.scopes(on: day).isEmpty }
        // The device types as amended up to that day, not as first given.
        let telemetry = holding.filter { $0.covers(.telemetry, on: day) }
        telemetryDevices = telemetry.contains { $0.telemetryDevices(on: day).isEmpty }
            ? [] : Array(Set(telemetry.flatMap { $0.telemetryDevices(on: day) })).sorted()
        retainUntil = Array(Set(consents.compactMap(\.retainUntil))).sorted()
        overdue = consents.compactMap { consent in
            consent.retainUntil.flatMap { $0 < day ? Overdue(consent: consent.id, retainUntil: $0) : nil }
        }
        lastEvent = consents.flatMap(\.events).max { $0.date < $1.date }
        let hasEnded = !ended.isEmpty
        if consents.isEmpty {
            state = .none
        } else if holds.isEmpty {
            state = .withdrawn
        } else if hasEnded || consents.contains(where: { $0.withdrawn.map { $0 <= day } ?? false }) {
            state = .partlyWithdrawn
        } else {
            state = .active
        }
    }
}

/// Decides, reading by reading, whether a participant's consent allows telemetry on that UTC day.
///
/// A reading is allowed when a consent with the `telemetry` scope covers its day
/// (`Consent.covers`): given on or before it and not withdrawn on or before it, and reaches the
/// device's type as the scope stood that day (`Consent.coversDevice(_:on:)`, amendments included). Answers are
/// cached per participant and day, since an import asks millions of times about a few days.
public struct TelemetryConsentGate: Sendable {
    public enum Decision: Sendable, Hashable {
        case allowed
        case refused(String)

        /// The consent rule's reason for a refusal, as exports count it: a withdrawal (the
        /// message `decide` writes for it) or no consent covering the day.
        public var withheldReason: ConsentRule.Reason? {
            guard case .refused(let message) = self else { return nil }
            return message.contains(" withdrew ") ? .withdrawn : .notGiven
        }
    }

    private let participants: [String: Participant]
    private var cache: [DayKey: Decision] = [:]

    private struct DayKey: Hashable {
        let participant: String
        let solution: String?
        let day: Int64
    }

    public init(participants: [Participant]) {
        self.participants = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `solution`: the device's type (its catalogue solution), for consents limited to some types.
    public mutating func decide(participant: String, solution: String? = nil, day: Int64) -> Decision {
        let key = DayKey(participant: participant, solution: solution, day: day)
        if let known = cache[key] { return known }
        let decision = Self.decide(participants[participant], id: participant, solution: solution, on: UTCTime.isoDate(day: day))
        cache[key] = decision
        return decision
    }

    /// The reason is written for the person importing: which consent is missing or ended when.
    static func decide(_ participant: Participant?, id: String, solution: String? = nil, on isoDay: String) -> Decision {
        guard let participant else { return .refused("\(id) is not in participants.yaml") }
        let anyType = participant.consents.filter { !$0.periods(of: .telemetry).isEmpty }
        if anyType.contains(where: { $0.covers(.telemetry, on: isoDay) && $0.coversDevice(solution, on: isoDay) }) { return .allowed }
        let telemetry = anyType.filter { $0.everCoversDevice(solution) }
        if telemetry.isEmpty, !anyType.isEmpty, let solution { return .refused("\(id) has no consent to telemetry from \(solution) devices") }
        // In force that day, but not for this type: an amendment took it out (for these devices,
        // a withdrawal), or none had yet put it in.
        let inForce = telemetry.filter { $0.covers(.telemetry, on: isoDay) }
        if let solution, let narrowed = inForce.compactMap({ $0.devicesNarrowed(solution, before: isoDay) }).max() {
            return .refused("\(id) withdrew telemetry consent for \(solution) devices on \(narrowed)")
        }
        if let solution, !inForce.isEmpty {
            return .refused("\(id) had not consented to telemetry from \(solution) devices by \(isoDay)")
        }
        if telemetry.isEmpty { return .refused("\(id) has no consent to telemetry") }
        if let withdrawn = telemetry.flatMap({ $0.periods(of: .telemetry) }).compactMap(\.until).filter({ $0 <= isoDay }).max() {
            return .refused("\(id) withdrew telemetry consent on \(withdrawn)")
        }
        let first = telemetry.map(\.date).min() ?? isoDay
        return .refused("\(id) consented to telemetry only from \(first)")
    }
}

import FieldworkCore

/// `fieldwork export participants`: the register as the analyst's case table — one row per
/// participant (pseudonym only), role, administrations, today's consent state and scopes, and
/// one column per attribute key — for joining with the matrix in R or pandas.
///
/// A participant with no consent in force today (withdrawn, or never given) keeps a row with
/// their pseudonym, role and consent state, so the join still finds them, but not their
/// administrations or attributes: the QDPX export leaves them out as cases for the same reason,
/// and this table had carried a withdrawn resident's age, household, area and support.
public struct ParticipantsExport: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public struct Result: Sendable {
        public var csv: String
        public var rows: Int
        public var attributes: [String]
        /// The day the consent states are of.
        public var consentDate: String
        /// Participants whose administrations and attributes were left out, by reason (unit `cases`).
        public var withheld: WithheldCount
    }

    public func render() async throws -> Result {
        let participants = try await store.participants().sorted { $0.id < $1.id }
        let keys = Set(participants.flatMap(\.attributes.keys)).sorted()
        let rule = ConsentRule.today(participants)
        let today = rule.today
        var writer = CSVWriter(header: ["participant", "role", "administrations", "consent", "scopes"] + keys)
        var withheld = WithheldCount()
        for person in participants {
            let status = ConsentStatus(person, on: today)
            let reason = rule.caseWithheld(person)
            if let reason { withheld.add(reason) }
            let shown = reason == nil
            writer.append([person.id, person.role.rawValue,
                           shown ? person.administrations.map(\.rawValue).joined(separator: " ") : "",
                           status.state.rawValue, status.scopes.map(\.rawValue).joined(separator: " ")]
                          + keys.map { shown ? person.attributes[$0] ?? "" : "" })
        }
        return Result(csv: writer.text, rows: participants.count, attributes: keys, consentDate: today, withheld: withheld)
    }
}

import FieldworkCore

/// `fieldwork export participants`: the register as the analyst's case table — one row per
/// participant (pseudonym only), role, administrations, today's consent state and scopes, and
/// one column per attribute key — for joining with the matrix in R or pandas.
public struct ParticipantsExport: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public struct Result: Sendable {
        public var csv: String
        public var rows: Int
        public var attributes: [String]
    }

    public func render() async throws -> Result {
        let participants = try await store.participants().sorted { $0.id < $1.id }
        let keys = Set(participants.flatMap(\.attributes.keys)).sorted()
        let today = ConsentRule.today(participants).today
        var writer = CSVWriter(header: ["participant", "role", "administrations", "consent", "scopes"] + keys)
        for person in participants {
            let status = ConsentStatus(person, on: today)
            writer.append([person.id, person.role.rawValue, person.administrations.map(\.rawValue).joined(separator: " "),
                           status.state.rawValue, status.scopes.map(\.rawValue).joined(separator: " ")]
                          + keys.map { person.attributes[$0] ?? "" })
        }
        return Result(csv: writer.text, rows: participants.count, attributes: keys)
    }
}

import FieldworkCore

/// `fieldwork export needs`: the needs register as CSV, one row per need — what the city reads
/// in a spreadsheet. People are counted (residents, relatives, staff apart), never named;
/// `smallCells` (publication) shows counts of people below k as "< k" and leaves out the
/// administrations of a need raised by fewer than k residents, as `needs --for-publication` does
/// (codings and group notes are no people and stay exact).
public struct NeedsRegisterExport: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public struct Result: Sendable {
        public var csv: String
        public var needs: Int
        public var quotesWithheld: Int
        /// Codings of needs on words the consent rule withholds: they count no one (sidecar, unit `evidence`).
        public var evidenceWithheld: WithheldCount
    }

    public func render(coder: String? = nil, smallCells: SmallCells? = nil, redactions: Redactions = Redactions([])) async throws -> Result {
        let service = NeedsRegisterService(store: store)
        let register = try await service.register(coder: coder)
        let participants = try await store.participants()
        var writer = CSVWriter(header: ["need", "name", "parent", "codings", "residents", "relatives", "staff", "participants",
                                        "group_notes", "administrations", "barriers", "preconditions", "solutions"])
        var withheld = 0
        for evidence in register {
            let view = NeedEvidenceView(evidence)
            withheld += view.quotesWithheld
            let links = view.links.map { "\($0.solution) (\($0.status))" }.joined(separator: "; ")
            let barriers = view.barriers.map(\.code).joined(separator: " "), preconditions = view.preconditions.map(\.code).joined(separator: " ")
            if let smallCells {
                let published = PublicationNeedView(evidence, register: participants, smallCells: smallCells, redactions: redactions)
                writer.append([view.id, published.name, view.parent ?? "", String(view.codings), published.residents,
                               published.relatives, published.staff, published.participants, String(view.groupNotes),
                               published.administrations.joined(separator: " "), barriers, preconditions, links])
            } else {
                writer.append([view.id, view.name, view.parent ?? "", String(view.codings), String(view.people.residents.count),
                               String(view.people.relatives.count), String(view.people.staff.count), String(view.participants.count),
                               String(view.groupNotes), view.administrations.joined(separator: " "), barriers, preconditions, links])
            }
        }
        return Result(csv: writer.text, needs: register.count, quotesWithheld: withheld,
                      evidenceWithheld: try await service.evidenceWithheld(coder: coder))
    }
}

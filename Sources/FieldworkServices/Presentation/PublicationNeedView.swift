import FieldworkCore

/// A need of the register as it may be published (`fieldwork needs --for-publication`): no
/// pseudonyms, participant counts below k as "< k", quotes attributed to no group smaller than
/// k, identifiers of `corpus/redactions.yaml` replaced.
public struct PublicationNeedView: Encodable, Sendable {
    public struct Quote: Encodable, Sendable {
        public let text: String
        public let attributedTo: String

        enum CodingKeys: String, CodingKey { case text, attributedTo = "attributed_to" }
    }

    public let id, name: String
    public let residents, relatives, staff, participants: String
    public let administrations: [String]
    public let quotes: [Quote]
    public let smallCellsBelow: Int

    enum CodingKeys: String, CodingKey {
        case id, name, residents, relatives, staff, participants, administrations, quotes, smallCellsBelow = "small_cells_below"
    }

    public init(_ evidence: NeedEvidence, register: [Participant], smallCells: SmallCells, redactions: Redactions) {
        id = evidence.need.id
        name = redactions.apply(evidence.need.name).text
        residents = smallCells.show(evidence.people.residents.count)
        relatives = smallCells.show(evidence.people.relatives.count)
        staff = smallCells.show(evidence.people.staff.count)
        participants = smallCells.show(evidence.participants.count)
        // The administrations of fewer than k residents would point at them.
        administrations = smallCells.suppresses(evidence.people.residents.count) ? [] : evidence.administrations.map(\.rawValue)
        let people = Dictionary(register.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        quotes = evidence.quotes.map { quote in
            Quote(text: redactions.apply(quote.text).text,
                  attributedTo: smallCells.attribution(of: quote.participants.compactMap { people[$0] }, among: register))
        }
        smallCellsBelow = smallCells.k
    }
}

import FieldworkCore
import Foundation

/// The JSON shape of a need with its evidence, shared by `fieldwork needs --json` and
/// `/api/needs`: one definition, so the CLI and the API cannot drift apart.
public struct NeedEvidenceView: Encodable, Sendable {
    public struct Quote: Encodable, Sendable {
        public let coding, document: String
        public let participants: [String]
        public let text: String
    }

    public struct Related: Encodable, Sendable {
        public let code, name: String
        public let segments: Int
    }

    public struct Link: Encodable, Sendable {
        public let need, solution, status, rationale, linkedBy, linkedAt: String

        enum CodingKeys: String, CodingKey {
            case need, solution, status, rationale, linkedBy = "linked_by", linkedAt = "linked_at"
        }

        public init(_ link: NeedSolutionLink) {
            need = link.needID
            solution = link.solutionID
            status = link.status.rawValue
            rationale = link.rationale
            linkedBy = link.linkedBy
            linkedAt = ISO8601DateFormatter().string(from: link.linkedAt)
        }
    }

    /// Residents, relatives and staff apart: only residents say how many people a need concerns.
    public struct People: Encodable, Sendable {
        public let residents, relatives, staff, others: [String]
    }

    public let id, name: String
    @AlwaysEncoded public var parent: String?
    public let codings: Int
    public let participants, administrations, documentTypes: [String]
    public let people: People
    public let groupNotes: Int
    public let quotes: [Quote]
    public let quotesWithheld: Int
    /// Codings on words the consent rule withholds: they count no one.
    public let evidenceWithheld: Int
    public let barriers, preconditions: [Related]
    public let links: [Link]

    enum CodingKeys: String, CodingKey {
        case id, name, parent, codings, participants, people, administrations, quotes, barriers, preconditions, links
        case documentTypes = "document_types", quotesWithheld = "quotes_withheld", groupNotes = "group_notes"
        case evidenceWithheld = "evidence_withheld"
    }

    public init(_ evidence: NeedEvidence) {
        id = evidence.need.id
        name = evidence.need.name
        parent = evidence.need.parentID
        codings = evidence.codings
        participants = evidence.participants
        people = People(residents: evidence.people.residents, relatives: evidence.people.relatives,
                        staff: evidence.people.staff, others: evidence.people.others)
        groupNotes = evidence.groupNotes
        administrations = evidence.administrations.map(\.rawValue)
        documentTypes = evidence.documentTypes.map(\.rawValue)
        quotes = evidence.quotes.map { Quote(coding: $0.codingID, document: $0.documentID, participants: $0.participants, text: $0.text) }
        quotesWithheld = evidence.quotesWithheld
        evidenceWithheld = evidence.evidenceWithheld
        barriers = evidence.barriers.map { Related(code: $0.codeID, name: $0.name, segments: $0.segments) }
        preconditions = evidence.preconditions.map { Related(code: $0.codeID, name: $0.name, segments: $0.segments) }
        links = evidence.links.map(Link.init)
    }
}

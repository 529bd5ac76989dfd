import FieldworkCore
import FieldworkServices
import Foundation

// `needs --json`. Field names are part of the CLI's contract.

struct NeedDTO: Encodable {
    struct Quote: Encodable { let coding, document: String; let participants: [String]; let text: String }
    struct Related: Encodable { let code, name: String; let segments: Int }
    struct Link: Encodable { let solution, status, rationale, linkedBy, linkedAt: String
        enum CodingKeys: String, CodingKey { case solution, status, rationale, linkedBy = "linked_by", linkedAt = "linked_at" }
    }

    let id, name: String
    @AlwaysEncoded var parent: String?
    let codings: Int
    let participants, administrations, documentTypes: [String]
    let quotes: [Quote]
    let quotesWithheld: Int
    let barriers, preconditions: [Related]
    let links: [Link]

    enum CodingKeys: String, CodingKey {
        case id, name, parent, codings, participants, administrations, quotes, barriers, preconditions, links
        case documentTypes = "document_types", quotesWithheld = "quotes_withheld"
    }

    init(_ evidence: NeedEvidence) {
        id = evidence.need.id
        name = evidence.need.name
        parent = evidence.need.parentID
        codings = evidence.codings
        participants = evidence.participants
        administrations = evidence.administrations.map(\.rawValue)
        documentTypes = evidence.documentTypes.map(\.rawValue)
        quotes = evidence.quotes.map { Quote(coding: $0.codingID, document: $0.documentID, participants: $0.participants, text: $0.text) }
        quotesWithheld = evidence.quotesWithheld
        barriers = evidence.barriers.map { Related(code: $0.codeID, name: $0.name, segments: $0.segments) }
        preconditions = evidence.preconditions.map { Related(code: $0.codeID, name: $0.name, segments: $0.segments) }
        links = evidence.links.map {
            Link(solution: $0.solutionID, status: $0.status.rawValue, rationale: $0.rationale, linkedBy: $0.linkedBy,
                 linkedAt: ISO8601DateFormatter().string(from: $0.linkedAt))
        }
    }
}

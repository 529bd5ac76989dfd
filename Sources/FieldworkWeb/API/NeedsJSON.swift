import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

// JSON shapes of the needs and solutions API (snake_case on the wire through the encoder).

struct NeedLinkJSON: ResponseEncodable, Sendable {
    let need, solution, rationale, status, linkedBy: String
    let linkedAt: Date

    init(_ link: NeedSolutionLink) {
        need = link.needID
        solution = link.solutionID
        rationale = link.rationale
        status = link.status.rawValue
        linkedBy = link.linkedBy
        linkedAt = link.linkedAt
    }
}

struct NeedJSON: ResponseEncodable, Sendable {
    struct Quote: Codable, Sendable { let coding, document: String; let participants: [String]; let text: String }
    struct Related: Codable, Sendable { let code, name: String; let segments: Int }

    let id, name: String
    let parent: String?
    let codings: Int
    let participants, administrations, documentTypes: [String]
    let quotes: [Quote]
    let quotesWithheld: Int
    let barriers, preconditions: [Related]
    let links: [NeedLinkJSON]

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
        links = evidence.links.map(NeedLinkJSON.init)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(parent, forKey: .parent)  // null, not absent, for a root need
        try container.encode(codings, forKey: .codings)
        try container.encode(participants, forKey: .participants)
        try container.encode(administrations, forKey: .administrations)
        try container.encode(documentTypes, forKey: .documentTypes)
        try container.encode(quotes, forKey: .quotes)
        try container.encode(quotesWithheld, forKey: .quotesWithheld)
        try container.encode(barriers, forKey: .barriers)
        try container.encode(preconditions, forKey: .preconditions)
        try container.encode(links, forKey: .links)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, parent, codings, participants, administrations, documentTypes, quotes, quotesWithheld, barriers, preconditions, links
    }
}

struct SolutionJSON: ResponseEncodable, Sendable {
    struct Metric: Codable, Sendable { let name: String; let unit, description, signal: String? }

    let id, name, description, costToResident, competence: String
    let deviceTypes, administrations, risks, needs: [String]
    let metrics: [Metric]

    init(_ solution: Solution, needs: [String]) {
        id = solution.id
        name = solution.name
        description = solution.description
        costToResident = solution.costToResident
        competence = solution.competence
        deviceTypes = solution.deviceTypes
        administrations = solution.administrations.map(\.rawValue)
        risks = solution.risks
        self.needs = needs
        metrics = solution.metrics.map { Metric(name: $0.name, unit: $0.unit, description: $0.description, signal: $0.signal?.rawValue) }
    }
}

struct CreateNeedLinkRequest: Decodable {
    let solution, rationale, coder: String
    let status: NeedSolutionLink.Status?
}

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

import FieldworkCore
import FieldworkServices
import Hummingbird

// JSON shapes of `/api/register` (snake_case on the wire through the encoder). Built from
// `ProposalView`, so the small-cell rule is the one the CLI and the CSV export apply.

struct RegisterJSON: ResponseEncodable, Sendable {
    struct Answer: Encodable, Sendable {
        let code, kind, name: String
        let named, coded: Bool
        /// Pseudonyms; null under publication.
        @AlwaysEncoded var residents: [String]?
        let residentCount: String
    }

    struct Event: Encodable, Sendable {
        @AlwaysEncoded var date: String?
        let status, document: String
        let line: Int
        @AlwaysEncoded var decision: String?
    }

    struct SolutionRef: Encodable, Sendable {
        let id, name: String
    }

    struct Proposal: Encodable, Sendable {
        let id, title, status: String
        @AlwaysEncoded var date: String?
        @AlwaysEncoded var owner: String?
        @AlwaysEncoded var decision: String?
        @AlwaysEncoded var due: String?
        let answers: [Answer]
        let residents: String
        let solutions: [SolutionRef]
        let history: [Event]
        let text: [String]
    }

    struct Problem: Encodable, Sendable {
        let file: String
        let line: Int
        let kind, message: String
    }

    let proposals: [Proposal]
    let problems: [Problem]
    /// Passages the consent rule kept out of the counts.
    let withheld: Int
    let documents: Int
    @AlwaysEncoded var smallCellsBelow: Int?

    init(_ register: PolicyLabRegisterService.Result, catalogue: SolutionCatalogue, smallCells: SmallCells?) {
        proposals = register.proposals.map { ProposalView($0, smallCells: smallCells, pseudonyms: register.participantIDs) }.map { view in
            Proposal(id: view.id, title: view.title, status: view.status, date: view.date, owner: view.owner, decision: view.decision,
                     due: view.due,
                     answers: view.answers.map {
                         Answer(code: $0.code, kind: $0.kind, name: $0.name, named: $0.named, coded: $0.coded, residents: $0.residents,
                                residentCount: $0.residentCount)
                     },
                     residents: view.residents,
                     solutions: view.solutions.map { SolutionRef(id: $0, name: catalogue[$0]?.name ?? $0) },
                     history: view.history.map {
                         Event(date: $0.date, status: $0.status, document: $0.document, line: $0.line, decision: $0.decision)
                     },
                     text: view.text)
        }
        problems = register.problems.map {
            Problem(file: $0.location.file, line: $0.location.line, kind: $0.kind.rawValue, message: $0.message)
        }
        withheld = register.withheld.total
        documents = register.documents
        smallCellsBelow = smallCells?.k
    }
}

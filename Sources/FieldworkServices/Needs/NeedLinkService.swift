import FieldworkCore
import Foundation

/// `fieldwork link NEED SOLUTION`: checks both ends exist before anything is stored.
public struct NeedLinkService: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public func link(need: String, solution: String, rationale: String, status: NeedSolutionLink.Status = .candidate,
                     coder: String, at date: Date = Date()) async throws -> NeedSolutionLink {
        let rationale = rationale.trimmingCharacters(in: .whitespacesAndNewlines)
        let coder = coder.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let code = try await store.codebook()[need] else { throw NeedLinkError.unknownNeed(need) }
        guard code.kind == .need else { throw NeedLinkError.notANeed(need, code.kind) }
        guard try SolutionCatalogue.load(workspace)[solution] != nil else { throw NeedLinkError.unknownSolution(solution) }
        guard !rationale.isEmpty else { throw NeedLinkError.emptyRationale }
        guard !coder.isEmpty else { throw NeedLinkError.noCoder }
        let link = NeedSolutionLink(needID: need, solutionID: solution, rationale: rationale, status: status, linkedBy: coder, linkedAt: date)
        try await store.saveNeedLink(link)
        return link
    }
}

extension NeedLinkService {
    /// `fieldwork unlink NEED SOLUTION`: the link as it was, or `noSuchLink`.
    public func unlink(need: String, solution: String) async throws -> NeedSolutionLink {
        guard let removed = try await store.removeNeedLink(needID: need, solutionID: solution) else {
            throw NeedLinkError.noSuchLink(need, solution)
        }
        return removed
    }
}

public enum NeedLinkError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownNeed(String)
    case notANeed(String, CodeKind)
    case unknownSolution(String)
    case emptyRationale
    case noCoder
    case noSuchLink(String, String)

    public var description: String {
        switch self {
        case .unknownNeed(let id): "no code '\(id)' in the codebook"
        case .notANeed(let id, let kind): "'\(id)' is a \(kind.rawValue) code, not a need"
        case .unknownSolution(let id): "no solution '\(id)' in codebooks/solutions.yaml"
        case .emptyRationale: "a link needs a rationale: why could this solution meet the need?"
        case .noCoder: "a link needs the name of who made it"
        case .noSuchLink(let need, let solution): "'\(need)' is not linked to '\(solution)'"
        }
    }
}

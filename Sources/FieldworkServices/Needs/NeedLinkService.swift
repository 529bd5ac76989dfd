import FieldworkCore
import Foundation
import Logging

/// `fieldwork link NEED SOLUTION` and the need page's form: checks both ends exist before
/// anything is stored, then writes the link's new state to the changer's ledger file, so that it
/// travels with the codings (see `LedgerRecord.NeedLinkEntry`).
public struct NeedLinkService: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore
    let ledger: CodingLedger

    public init(workspace: Workspace, store: any FieldworkStore, ledger: CodingLedger) {
        self.workspace = workspace
        self.store = store
        self.ledger = ledger
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
        await publish(LedgerRecord.NeedLinkEntry(link))
        return link
    }

    /// The link of `need` to `solution` as it stands, if there is one (a removed link is none).
    public func current(need: String, solution: String) async throws -> NeedSolutionLink? {
        try await store.needLinks(needID: need).first { $0.solutionID == solution }
    }

    /// `fieldwork unlink NEED SOLUTION`: the link as it was, or `noSuchLink`. The link is kept in
    /// the store and the files marked removed by `person`, so that the removal reaches colleagues.
    public func unlink(need: String, solution: String, by person: String, at date: Date = Date()) async throws -> NeedSolutionLink {
        let person = person.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty else { throw NeedLinkError.noCoder }
        let removal = LedgerRecord.Removal(at: date, by: person)
        guard let removed = try await store.removeNeedLink(needID: need, solutionID: solution, removal: removal) else {
            throw NeedLinkError.noSuchLink(need, solution)
        }
        await publish(LedgerRecord.NeedLinkEntry(removed, removed: removal))
        return removed
    }

    /// Links change rarely: the file is written at once. A failure is logged, not thrown: the
    /// change is safe in the store, and the next ingest writes it out (the store's state is newer
    /// than every file's).
    private func publish(_ entry: LedgerRecord.NeedLinkEntry) async {
        do {
            try await ledger.write([.needLink(entry)])
        } catch {
            Self.logger.warning("codings file not written for the link \(entry.need) > \(entry.solution) (written at the next ingest): \(error)")
        }
    }

    static let logger = Logger(label: "fieldwork.ledger")
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
        case .notANeed(let id, let kind): "'\(id)' is \(kind.codeWithArticle), not a need"
        case .unknownSolution(let id): "no solution '\(id)' in codebooks/solutions.yaml"
        case .emptyRationale: "a link needs a rationale: why could this solution meet the need?"
        case .noCoder: "a link needs the name of who made it"
        case .noSuchLink(let need, let solution): "'\(need)' is not linked to '\(solution)'"
        }
    }
}

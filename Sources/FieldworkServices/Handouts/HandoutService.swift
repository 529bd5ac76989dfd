import FieldworkCore
import Foundation

/// Assembles handouts from a workspace: coded passages, participants (for consent and the
/// anonymous labels), need–solution links and the solution catalogue.
public struct HandoutService: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    /// `forPublication`: counts below the workspace's minimum are "< k" and quotes are
    /// attributed to no group smaller than k (see `SmallCells`).
    public func handout(codeID: String, station: String? = nil, forPublication: Bool = false) async throws -> Handout {
        let codebook = try await store.codebook()
        guard let handout = HandoutBuilder.build(
            codeID: codeID, station: station, codebook: codebook, passages: try await NeedsRegisterService(store: store).passages(),
            participants: try await store.participants(), links: try await store.needLinks(needID: nil),
            solutions: try SolutionCatalogue.load(workspace).solutions, today: ConsentRule.today([]).today,
            access: ConsentRule.today([]).access,
            smallCells: forPublication ? try workspace.settings().smallCells : nil)
        else { throw CodingError.unknownCode(codeID) }
        return Self.redact(handout, with: try workspace.redactions())
    }

    /// A handout leaves the research team: the identifiers of `corpus/redactions.yaml` are
    /// replaced in everything it prints.
    static func redact(_ handout: Handout, with redactions: Redactions) -> Handout {
        guard !redactions.isEmpty else { return handout }
        var handout = handout
        handout.title = redactions.apply(handout.title).text
        handout.description = redactions.apply(handout.description).text
        handout.quotes = handout.quotes.map { quote in
            var quote = quote
            quote.text = redactions.apply(quote.text).text
            return quote
        }
        return handout
    }

    /// One handout per station of a workshop plan.
    public func handouts(plan: WorkshopPlan, forPublication: Bool = false) async throws -> [Handout] {
        var handouts: [Handout] = []
        for station in plan.stations {
            handouts.append(try await handout(codeID: station.theme, station: station.name, forPublication: forPublication))
        }
        return handouts
    }

    public func plan(at url: URL) throws -> WorkshopPlan {
        try WorkshopPlanParser.parse(SourceText.read(url, path: workspace.relativePath(of: url)))
    }
}

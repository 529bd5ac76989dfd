import FieldworkCore
import Foundation

/// Assembles the actor map of a workspace: `corpus/actors.yaml`, the codebook, the coded
/// passages, the needs register and the solution catalogue.
public struct ActorMapService: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore
    /// Evidence from the consensus where a document was adjudicated (`NeedsRegisterService`).
    let preferConsensus: Bool

    public init(workspace: Workspace, store: any FieldworkStore, preferConsensus: Bool = false) {
        self.workspace = workspace
        self.store = store
        self.preferConsensus = preferConsensus
    }

    /// Reads `corpus/actors.yaml` (an empty catalogue when there is none); problems throw
    /// `SourceProblems` with file and line.
    public func catalogue() async throws -> ActorCatalogue {
        let url = workspace.actorsFile
        guard FileManager.default.fileExists(atPath: url.path) else { return ActorCatalogue() }
        // Before the first ingest the stored codebook is empty: codes cannot be checked yet.
        let codebook = try await store.codebook()
        return try ActorCatalogueParser.parse(SourceText.read(url, path: workspace.relativePath(of: url)),
                                              codebook: codebook.codes.isEmpty ? nil : codebook)
    }

    public func graph(options: ActorGraphBuilder.Options = .init()) async throws -> ActorGraph {
        try await graphWithConsent(options: options).graph
    }

    /// The map and the consent rule as applied: evidence (co-occurring actor codes, residents
    /// raising a need) counts only passages whose words may appear today.
    public func graphWithConsent(options asked: ActorGraphBuilder.Options = .init()) async throws -> (graph: ActorGraph, consent: ExportMetadata) {
        var options = asked
        let stored = try await store.codebook()
        let codebook = options.language.map(stored.localized) ?? stored
        if let needID = options.needID { try Self.requireNeed(needID, in: codebook) }
        let catalogue = try await catalogue()
        if let actorID = options.actorID { options.actorID = try Self.administration(actorID, in: catalogue) }
        let register = NeedsRegisterService(store: store, preferConsensus: preferConsensus)
        let participants = try await store.participants()
        let (passages, withheld) = try await register.consentedPassages()
        let rule = ConsentRule.today(participants)
        let needs = NeedsRegister.evidence(codebook: codebook, passages: passages, participants: participants,
                                           links: try await store.needLinks(needID: nil), today: rule.today)
        var consent = ExportMetadata(export: "actor-map", rule: rule)
        consent.add(withheld, unit: "evidence")
        let solutions = try SolutionCatalogue.load(workspace)
        let graph = ActorGraphBuilder.build(
            catalogue: catalogue, codebook: codebook, passages: passages,
            participants: participants, needs: needs,
            solutions: (options.language.map(solutions.localized) ?? solutions).solutions, options: options)
        return (graph, consent)
    }
}

extension ActorMapService {
    /// A need to focus on: a code of another kind is named as such; a code that is not there
    /// gets the nearest needs, as every unknown name does.
    static func requireNeed(_ id: String, in codebook: Codebook) throws {
        guard let code = codebook[id] else {
            throw UnknownName(kind: "need", name: id, place: "in the codebook", known: codebook.codes.filter { $0.kind == .need }.map(\.id))
        }
        if code.kind != .need { throw ActorMapError.notANeed(id, kind: code.kind) }
    }

    /// The administration actor to focus on, by its id or by the administration it stands for
    /// (`care`, as its `administration:` says, for `care-administration`).
    static func administration(_ id: String, in catalogue: ActorCatalogue) throws -> String {
        let administrations = catalogue.actors.filter { $0.kind == .administration }
        if let actor = administrations.first(where: { $0.id == id }) ?? administrations.first(where: { $0.administration?.rawValue == id }) {
            return actor.id
        }
        if catalogue.actors.contains(where: { $0.id == id }) { throw ActorMapError.notAnAdministration(id) }
        throw UnknownName(kind: "administration", name: id, place: "in corpus/actors.yaml", known: administrations.map(\.id))
    }
}

public enum ActorMapError: Error, CustomStringConvertible {
    case notANeed(String, kind: CodeKind)
    case notAnAdministration(String)

    public var description: String {
        switch self {
        case .notANeed(let id, let kind): "'\(id)' is \(kind.codeWithArticle), not a need"
        case .notAnAdministration(let id): "'\(id)' is not an actor of type administration in corpus/actors.yaml"
        }
    }
}

extension Workspace {
    public var actorsFile: URL { corpus.appending(path: "actors.yaml") }
}

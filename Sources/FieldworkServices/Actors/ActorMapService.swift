import FieldworkCore
import Foundation

/// Assembles the actor map of a workspace: `corpus/actors.yaml`, the codebook, the coded
/// passages, the needs register and the solution catalogue.
public struct ActorMapService: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
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
        let codebook = try await store.codebook()
        if let needID = options.needID, codebook[needID]?.kind != .need {
            throw ActorMapError.notANeed(needID)
        }
        let register = NeedsRegisterService(store: store)
        return ActorGraphBuilder.build(
            catalogue: try await catalogue(), codebook: codebook, passages: try await register.passages(),
            participants: try await store.participants(), needs: try await register.register(),
            solutions: try SolutionCatalogue.load(workspace).solutions, options: options)
    }
}

public enum ActorMapError: Error, CustomStringConvertible {
    case notANeed(String)

    public var description: String {
        switch self {
        case .notANeed(let id): "'\(id)' is not a code of kind need"
        }
    }
}

extension Workspace {
    public var actorsFile: URL { corpus.appending(path: "actors.yaml") }
}

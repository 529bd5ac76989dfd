import FieldworkCore
import Foundation

/// The IoT solution catalogue of a workspace, read from `codebooks/solutions.yaml` when needed
/// (it is small, and reading it fresh means an edit shows at once, without an ingest).
public struct SolutionCatalogue: Sendable {
    public var solutions: [Solution]

    public init(solutions: [Solution]) {
        self.solutions = solutions
    }

    public subscript(id: String) -> Solution? { solutions.first { $0.id == id } }

    /// Every solution in `language` where the catalogue gives it (see `Solution.localized`).
    public func localized(_ language: String) -> SolutionCatalogue {
        SolutionCatalogue(solutions: solutions.map { $0.localized(language) })
    }

    /// Reads the catalogue; a workspace without one has an empty catalogue. A file with
    /// problems throws `SourceProblems` naming file and line of each.
    public static func load(_ workspace: Workspace) throws -> SolutionCatalogue {
        let url = workspace.solutionsFile
        guard FileManager.default.fileExists(atPath: url.path) else { return SolutionCatalogue(solutions: []) }
        return SolutionCatalogue(solutions: try SolutionCatalogueParser.parse(SourceText.read(url, path: workspace.relativePath(of: url))))
    }
}

extension Workspace {
    public var solutionsFile: URL { codebooks.appending(path: "solutions.yaml") }
    public var devicesFile: URL { corpus.appending(path: "devices.yaml") }
}

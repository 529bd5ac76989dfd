import FieldworkCore
import Foundation

/// `fieldwork codebook check`: validates the codebook files without changing anything, and says
/// whether ingesting them would be refused because coded codes disappear.
public struct CodebookCheck: Sendable {
    public struct Report: Sendable {
        public var files = 0
        public var codes = 0
        public var problems: [SourceProblem] = []
    }

    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public func run() async throws -> Report {
        var report = Report()
        let urls = WorkspaceFiles.discover(in: workspace).codebooks
        report.files = urls.count
        let problems = try await SourceProblems.collecting {
            let sources = try urls.map { try SourceText.read($0, path: workspace.relativePath(of: $0)) }
            let codebook = try CodebookParser.parse(sources)
            report.codes = codebook.codes.count
            let coded = Set(try await store.codingCountsByCode().keys)
            let change = CodebookChange(storedIDs: coded, new: codebook)
            if !change.removed.isEmpty {
                var counts: [String: Int] = [:]
                for coding in try await store.codings(CodingFilter(codeIDs: Array(change.removed))) {
                    counts[coding.codeID, default: 0] += 1
                }
                throw SourceProblem(file: "codebooks", line: 0, CodebookChangeRefused(codingsByRemovedCode: counts).description)
            }
        }
        report.problems = problems
        return report
    }
}

import FieldworkCore
import Foundation

/// Links that name a need or solution this workspace does not know: a colleague's newer codebook
/// or catalogue not pulled yet, a renamed code, a hand-edited file. They are kept (the other
/// machine may be right) and said at ingest with the file and line that hold them, as `link`
/// would have refused them here.
struct NeedLinkWarnings {
    let workspace: Workspace
    let store: any FieldworkStore

    func problems() async throws -> [SourceProblem] {
        let links = try await store.needLinks(needID: nil)
        // An unreadable catalogue is reported by its own check; links are not judged against it.
        guard !links.isEmpty, let catalogue = try? SolutionCatalogue.load(workspace) else { return [] }
        let codebook = try await store.codebook()
        var files: [String: [Substring]] = [:]
        return links.compactMap { link in
            let problem: NeedLinkError? = switch codebook[link.needID]?.kind {
            case nil: .unknownNeed(link.needID)
            case .need?: catalogue[link.solutionID] == nil ? .unknownSolution(link.solutionID) : nil
            case let kind?: .notANeed(link.needID, kind)
            }
            guard let problem else { return nil }
            let file = CodingLedger.relativePath(for: link.linkedBy)
            if files[file] == nil {
                let text = (try? String(contentsOf: workspace.url(forRelativePath: file), encoding: .utf8)) ?? ""
                files[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            return SourceProblem(file: file, line: Self.line(of: link, in: files[file] ?? []),
                                 "need link \(link.needID) > \(link.solutionID): \(problem.description) (kept)")
        }
    }

    /// The line of the link's record (ids are slugs: no escaping to undo); 1 if it is not there
    /// (the file was changed since it was read).
    static func line(of link: NeedSolutionLink, in lines: [Substring]) -> Int {
        let need = "\"need\":\"\(link.needID)\"", solution = "\"solution\":\"\(link.solutionID)\""
        let index = lines.firstIndex { $0.contains("\"type\":\"need_link\"") && $0.contains(need) && $0.contains(solution) }
        return index.map { $0 + 1 } ?? 1
    }
}

import FieldworkCore
import Foundation
import Yams

/// The ids the workspace's corpus documents declare, with their files, read from the front
/// matter alone (no Markdown parse): `fieldwork check` refuses an id another file uses, as
/// ingest does ("ok" before, then ingest failed the file).
struct CorpusDocumentIDs {
    /// Id → the workspace-relative path of the first file (in path order) declaring it.
    private(set) var owners: [String: String] = [:]

    init(of workspace: Workspace, excluding path: String?) {
        for url in WorkspaceFiles.discover(in: workspace).corpus {
            let file = workspace.relativePath(of: url)
            guard file != path, let source = try? SourceText.read(url, path: file),
                  let yaml = try? FrontMatter.split(source.text, path: file).yaml,
                  let id = (try? Yams.load(yaml: yaml) as? [String: Any])?["id"] as? String else { continue }
            if owners[id].map({ file < $0 }) ?? true { owners[id] = file }
        }
    }

    init(owners: [String: String]) {
        self.owners = owners
    }

    /// The problem of `id` declared on `line` of `path`, when a file before it in path order
    /// (the one ingest keeps) declares it too.
    func problem(id: String, line: Int, path: String) -> SourceProblem? {
        guard let owner = owners[id], owner < path else { return nil }
        return SourceProblem(file: path, line: line, "duplicate id '\(id)': already used by \(owner)")
    }
}

import FieldworkCore
import Foundation
import Yams

/// The ids the workspace's corpus documents declare, with their files, read from the front
/// matter alone (no Markdown parse): `fieldwork check` refuses an id another file uses, as
/// ingest does ("ok" before, then ingest failed the file).
struct CorpusDocumentIDs {
    /// Id → the workspace-relative path of the first file (in path order) declaring it.
    private(set) var owners: [String: String] = [:]
    /// Id → the file an ingested document came from (`storedOwners`): ingest keeps that file's
    /// claim whatever the path order, so these decide where they are known.
    var ingested: [String: String] = [:]

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

    /// The problem of `id` declared on `line` of `path`, when the file ingest keeps for it is
    /// another: the one an ingested document of that id came from, else the first in path order.
    func problem(id: String, line: Int, path: String) -> SourceProblem? {
        if let owner = ingested[id] {
            return owner == path ? nil : Self.duplicate(id: id, line: line, path: path, owner: owner)
        }
        guard let owner = owners[id], owner < path else { return nil }
        return Self.duplicate(id: id, line: line, path: path, owner: owner)
    }

    /// Ingest's words for a refused id, so that `check` says exactly what ingest will.
    static func duplicate(id: String, line: Int, path: String, owner: String) -> SourceProblem {
        SourceProblem(file: path, line: line, "duplicate id '\(id)': already used by \(owner)")
    }

    /// Id → source file of the ingested documents whose file is still there (in `listed`, the
    /// files of a whole-corpus ingest, or else on disk): a document whose file is gone gives its
    /// id up to whichever file declares it now.
    static func storedOwners(_ stored: [String: SourceFileState], in workspace: Workspace, listed: Set<String>?) -> [String: String] {
        var owners: [String: String] = [:]
        for state in stored.values {
            guard let id = state.documentID else { continue }
            guard listed?.contains(state.path)
                    ?? FileManager.default.fileExists(atPath: workspace.url(forRelativePath: state.path).path) else { continue }
            owners[id] = state.path
        }
        return owners
    }
}

import FieldworkCore
import Foundation
import Yams

/// `fieldwork.yaml` at the workspace root: settings of this workspace.
///
/// ```yaml
/// publication:
///   min_count: 5      # counts of fewer participants are shown as "< 5" with --for-publication
/// ```
public struct WorkspaceSettings: Sendable, Hashable {
    public var smallCells = SmallCells()

    static func parse(_ source: SourceText) throws -> WorkspaceSettings {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        var settings = WorkspaceSettings()
        let top = reader.mapping(root, allowed: ["publication"], what: "fieldwork.yaml") ?? [:]
        if let node = top["publication"], let publication = reader.mapping(node, allowed: ["min_count"], what: "publication") {
            if let text = reader.string(publication, "min_count", in: node) {
                if let k = Int(text), k >= 2 {
                    settings.smallCells = SmallCells(k: k)
                } else {
                    reader.report(publication["min_count"], "min_count must be a whole number of at least 2")
                }
            }
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return settings
    }
}

extension Workspace {
    public var settingsFile: URL { root.appending(path: "fieldwork.yaml") }

    /// The workspace's settings (defaults when there is no `fieldwork.yaml`).
    public func settings() throws -> WorkspaceSettings {
        guard FileManager.default.fileExists(atPath: settingsFile.path) else { return WorkspaceSettings() }
        return try WorkspaceSettings.parse(SourceText.read(settingsFile, path: relativePath(of: settingsFile)))
    }
}

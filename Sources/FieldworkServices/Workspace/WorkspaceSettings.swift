import FieldworkCore
import Foundation
import Yams

/// `fieldwork.yaml` at the workspace root: settings the team shares. The file is optional.
///
/// ```yaml
/// interface_language: sv   # the browser interface's default language (en or sv)
/// publication:
///   min_count: 5           # counts of fewer participants are shown as "< 5" with --for-publication
/// server:
///   allowed_hosts: [fieldwork.example.org]   # names a TLS reverse proxy serves the workbench under
/// ```
public struct WorkspaceSettings: Sendable, Hashable {
    public static let fileName = "fieldwork.yaml"
    public static let interfaceLanguages = ["en", "sv"]

    public var smallCells = SmallCells()
    /// The language the browser interface speaks when a browser asks for none of ours.
    public var interfaceLanguage: String?
    /// Host names a TLS-terminating reverse proxy serves the workbench under (`server.allowed_hosts`).
    public var allowedHosts: [String] = []

    public init(smallCells: SmallCells = SmallCells(), interfaceLanguage: String? = nil) {
        self.smallCells = smallCells
        self.interfaceLanguage = interfaceLanguage
    }

    /// One parser for every key, so that each problem names the file and its line.
    static func parse(_ source: SourceText) throws -> WorkspaceSettings {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        var settings = WorkspaceSettings()
        if root.isNull { return settings }
        let top = reader.mapping(root, allowed: ["publication", "interface_language", "server"], what: fileName) ?? [:]
        if let node = top["server"], let server = reader.mapping(node, allowed: ["allowed_hosts"], what: "server") {
            settings.allowedHosts = reader.strings(server, "allowed_hosts").map(\.value)
        }
        if let node = top["publication"], let publication = reader.mapping(node, allowed: ["min_count"], what: "publication") {
            if let text = reader.string(publication, "min_count", in: node) {
                if let k = Int(text), k >= 2 {
                    settings.smallCells = SmallCells(k: k)
                } else {
                    reader.report(publication["min_count"], "min_count must be a whole number of at least 2")
                }
            }
        }
        if let value = reader.string(top, "interface_language", in: root) {
            if interfaceLanguages.contains(value) {
                settings.interfaceLanguage = value
            } else {
                reader.report(top["interface_language"], "interface_language must be one of \(interfaceLanguages.joined(separator: ", "))")
            }
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return settings
    }

    /// Reads the workspace's file (defaults when there is none).
    public static func load(_ workspace: Workspace) throws -> WorkspaceSettings {
        try workspace.settings()
    }
}

extension Workspace {
    public var settingsFile: URL { root.appending(path: WorkspaceSettings.fileName) }

    /// The workspace's settings (defaults when there is no `fieldwork.yaml`).
    public func settings() throws -> WorkspaceSettings {
        guard FileManager.default.fileExists(atPath: settingsFile.path) else { return WorkspaceSettings() }
        return try WorkspaceSettings.parse(SourceText.read(settingsFile, path: relativePath(of: settingsFile)))
    }
}

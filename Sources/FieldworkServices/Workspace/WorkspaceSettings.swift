import FieldworkCore
import Foundation
import Yams

/// `workspace.yaml` at the workspace root: settings the team shares (today only the browser
/// interface's default language, `interface_language: sv`). The file is optional.
public struct WorkspaceSettings: Sendable, Equatable {
    public static let fileName = "workspace.yaml"
    public static let interfaceLanguages = ["en", "sv"]

    /// The language the browser interface speaks when a browser asks for none of ours.
    public var interfaceLanguage: String?

    public init(interfaceLanguage: String? = nil) {
        self.interfaceLanguage = interfaceLanguage
    }

    /// Reads the file; a problem names the file and its line.
    public static func load(_ workspace: Workspace) throws -> WorkspaceSettings {
        let url = workspace.root.appending(path: fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return WorkspaceSettings() }
        var reader = YAMLReader(file: fileName)
        var settings = WorkspaceSettings()
        if let root = reader.compose(text), !root.isNull,
           let entries = reader.mapping(root, allowed: ["interface_language"], what: fileName),
           let value = reader.string(entries, "interface_language", in: root) {
            if interfaceLanguages.contains(value) {
                settings.interfaceLanguage = value
            } else {
                reader.report(entries["interface_language"], "interface_language must be one of \(interfaceLanguages.joined(separator: ", "))")
            }
        }
        if let problem = reader.problems.first { throw problem }
        return settings
    }
}

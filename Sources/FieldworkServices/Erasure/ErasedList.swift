import FieldworkCore
import Foundation

/// `corpus/erased.yaml`: the pseudonyms of erased participants, and nothing else about them.
/// Ingest refuses any file that brings their words back (`IngestService`).
///
/// ```yaml
/// erased:
///   - R07
/// ```
public enum ErasedList {
    public static let relativePath = "corpus/erased.yaml"

    public static func load(_ workspace: Workspace) throws -> Set<String> {
        let url = workspace.root.appending(path: relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let source = try SourceText.read(url, path: relativePath)
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        let top = reader.mapping(root, allowed: ["erased"], what: "erased.yaml") ?? [:]
        let ids = reader.strings(top, "erased").map(\.value)
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return Set(ids)
    }

    static func add(_ id: String, to workspace: Workspace) throws {
        let ids = try load(workspace).union([id]).sorted()
        let text = """
            # Participants erased under GDPR art. 17 (`fieldwork erase`): only their pseudonyms.
            # Ingest refuses any file that would bring their words back.
            erased:

            """ + ids.map { "  - \($0)\n" }.joined()
        try ExportFile.write(text, to: workspace.root.appending(path: relativePath))
    }

    /// The problem for a file that mentions an erased participant.
    static func problem(file: String, line: Int, _ id: String) -> SourceProblem {
        SourceProblem(file: file, line: line, "\(id) was erased (\(relativePath)); their words and register entry cannot be ingested again")
    }
}

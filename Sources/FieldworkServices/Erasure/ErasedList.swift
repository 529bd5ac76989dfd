import FieldworkCore
import Foundation

/// `corpus/erased.yaml`: the pseudonyms of erased participants, and nothing else about them.
/// Ingest refuses any file that brings their words back (`IngestService`); an import refuses a
/// project that would (`importProblem`).
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

    /// What an import would bring back of an erased participant — a register entry, or a new
    /// document naming them (front matter), with their turns or their notes (the attribution
    /// rule, reading the erased as participants) — as the problem that stops it; nil if nothing.
    /// `file` is the imported file's name; `documents` the corpus files the import would write.
    public static func importProblem(file: String, documents: [(path: String, change: DocumentChange)], participants: [String],
                                     erased: Set<String>) -> SourceProblem? {
        guard !erased.isEmpty else { return nil }
        func problem(_ id: String, _ what: String) -> SourceProblem {
            SourceProblem(file: file, line: 0, "\(what) the words of \(id), who was erased (\(relativePath)); nothing was imported "
                          + "(import a project exported after the erasure, or one without them)")
        }
        if let id = participants.first(where: erased.contains) { return problem(id, "a case would bring back the register entry and") }
        for (path, change) in documents {
            if let id = change.metadata.participants.first(where: erased.contains) { return problem(id, "the source for \(path) holds") }
            let text = ScalarText(change.text.plainText)
            let attributor = PassageAttributor(segments: change.text.segments, text: text, known: erased)
            for segment in change.text.segments {
                if let id = attributor.attribute(segment, text: text[segment.span]).participants.first {
                    return problem(id, "the source for \(path) holds")
                }
            }
        }
        return nil
    }

    /// The problem for a file that mentions an erased participant.
    static func problem(file: String, line: Int, _ id: String) -> SourceProblem {
        SourceProblem(file: file, line: line, "\(id) was erased (\(relativePath)); their words and register entry cannot be ingested again")
    }
}

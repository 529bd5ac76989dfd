import FieldworkCore
import Foundation

/// `corpus/erased.yaml`: the pseudonyms of erased participants, and nothing else about them,
/// and the recordings (`media:` paths) that held their voice. Ingest refuses any file that
/// brings their words back (`IngestService`); an import refuses a project that would
/// (`importProblem`); a listed recording is never played again, whichever document names it
/// (`DocumentRecording`), since its path is all that is known of it once they are gone.
///
/// ```yaml
/// erased:
///   - R07
/// recordings:
///   - corpus/recordings/ws-701.wav
/// ```
public enum ErasedList {
    public static let relativePath = "corpus/erased.yaml"

    public static func load(_ workspace: Workspace) throws -> Set<String> {
        try read(workspace).ids
    }

    /// The recordings withheld for good: deleted with an erased participant's interview, or
    /// shared with others and waiting to be edited by hand.
    public static func recordings(_ workspace: Workspace) throws -> Set<String> {
        try read(workspace).recordings
    }

    private static func read(_ workspace: Workspace) throws -> (ids: Set<String>, recordings: Set<String>) {
        let url = workspace.root.appending(path: relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], []) }
        let source = try SourceText.read(url, path: relativePath)
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        let top = reader.mapping(root, allowed: ["erased", "recordings"], what: "erased.yaml") ?? [:]
        let ids = reader.strings(top, "erased").map(\.value)
        let recordings = reader.strings(top, "recordings").map(\.value)
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return (Set(ids), Set(recordings))
    }

    static func add(_ id: String, recordings: [String] = [], to workspace: Workspace) throws {
        let current = try read(workspace)
        let ids = current.ids.union([id]).sorted()
        let media = current.recordings.union(recordings).sorted()
        var text = """
            # Participants erased under GDPR art. 17 (`fieldwork erase`): only their pseudonyms.
            # Ingest refuses any file that would bring their words back.
            erased:

            """ + ids.map { "  - \($0)\n" }.joined()
        if !media.isEmpty {
            text += """
                # Recordings that held an erased participant's voice: never played again. Take a
                # shared one off this list only once their voice has been cut out of the file.
                recordings:

                """ + media.map { "  - \($0)\n" }.joined()
        }
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

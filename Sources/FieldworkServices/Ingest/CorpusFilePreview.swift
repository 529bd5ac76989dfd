import FieldworkCore
import Foundation

/// What ingest will make of a corpus file, before it is written: for importers that create
/// corpus files and must know the document's plain text exactly (it is the same parser).
public enum CorpusFilePreview {
    /// - Parameter path: the file's path relative to the workspace, as ingest records it.
    public static func document(_ data: Data, path: String, knownParticipants: Set<String>) throws -> DocumentChange {
        let source = try SourceText.decode(data, path: path)
        return try CorpusDocumentParser(knownParticipants: knownParticipants).parse(source).change
    }
}

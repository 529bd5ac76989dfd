import FieldworkCore
import FieldworkServices
import Foundation

/// Fieldwork's own Markdown of a document, carried in a project beside its plain text, so that a
/// Fieldwork → Fieldwork trip gives the document back as it was written: front matter, speaker
/// turns, the headings of workshop notes and so the same segments. REFI-QDA has no place for it
/// in `project.qde` (a `richTextPath` is read by other tools as a word-processor file), so it is
/// an internal file that nothing in the project refers to: other tools read the plain text and
/// pass over it (an archive's `sources/` may hold more than the project names).
enum SourceMarkdown {
    /// Named by the source's GUID, as its plain text is.
    static func fileName(sourceGUID: String) -> String {
        sourceGUID + ".md"
    }

    static func path(sourceGUID: String) -> String {
        "internal://" + fileName(sourceGUID: sourceGUID)
    }

    /// The corpus file exactly as it was last ingested (UTF-8, LF, NFC), or nil when it cannot be
    /// read or has changed since: the Markdown must be the one the stored text came from.
    static func asIngested(_ document: StoredDocument, workspace: Workspace, ingested: SourceFileState?) -> String? {
        guard let ingested,
              let data = try? SourceText.load(workspace.url(forRelativePath: document.path), path: document.path),
              SourceText.contentHash(of: data) == ingested.contentHash else { return nil }
        return try? SourceText.decode(data, path: document.path, contentHash: ingested.contentHash).text
    }
}

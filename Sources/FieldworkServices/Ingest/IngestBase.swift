import FieldworkCore
import Foundation

/// What this workspace last saw of each corpus file in a store that several workspaces ingest
/// into (a team's PostgreSQL database): the content hash of the text the store held when this
/// workspace last ingested or found the file unchanged. Kept in `.fieldwork/ingest-base.json`,
/// beside the workspace and not in the store, since it is this clone's view.
///
/// Why: a colleague's clone that had not pulled a corrected transcript re-ingested the old text
/// over the correction (found by a new user); codings moved back or were orphaned and nobody was
/// told. A file may replace the store's text only if the store still holds the text this
/// workspace last saw there; otherwise someone else changed it since, and ingest refuses the
/// file until the workspace is brought up to date, or `ingest --replace-stored` says to.
struct IngestBase: Sendable {
    private(set) var hashes: [String: String]
    private let url: URL

    static func load(_ workspace: Workspace) -> IngestBase {
        let url = workspace.stateDirectory.appending(path: "ingest-base.json")
        // Unreadable or absent: nothing seen yet, so only files equal to the store's pass.
        let hashes = (try? JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))) ?? [:]
        return IngestBase(hashes: hashes, url: url)
    }

    /// Whether a file may replace the store's text of `stored`: the store holds what this
    /// workspace last saw.
    func mayReplace(_ stored: SourceFileState) -> Bool {
        hashes[stored.path] == stored.contentHash
    }

    mutating func saw(_ path: String, hash: String) {
        hashes[path] = hash
    }

    func save() throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(hashes)
        try data.write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// The refusal of a file whose document the store holds in a text this workspace never saw.
    static func problem(_ change: DocumentChange, idLine: Int) -> SourceProblem {
        SourceProblem(file: change.file.path, line: idLine,
                      "the store holds a text of \(change.metadata.id) that another workspace ingested since this one last did, "
                      + "and this file would replace it; bring the corpus up to date (git pull) and ingest again, or "
                      + "`fieldwork ingest --replace-stored \(change.file.path)` to replace it with this file")
    }
}

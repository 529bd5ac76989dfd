import FieldworkCore
import Foundation

/// Where a document's recording is and whether it may be played now: the one place the web
/// page, the serving route and ingest's warnings ask. The recording is only ever read from the
/// workspace and handed to the local browser; nothing is sent anywhere.
public enum DocumentRecording: Sendable, Equatable {
    /// The document names no recording.
    case none
    /// It may be played: the file inside the workspace, its content type and size in bytes.
    case available(file: URL, contentType: String, size: Int)
    /// Not to be played: the consent rule (or an access restriction) withholds it.
    case withheld(ConsentRule.Reason)
    /// Named but not there (or not a regular file).
    case missing(path: String)
    /// Named, but the path (through a symbolic link) leads out of the workspace, or is no
    /// recording's path at all (`RecordingMedia.problem`).
    case refused(path: String)

    /// The recording of `document` under today's consent rule for the person acting.
    public static func of(_ document: StoredDocument, workspace: Workspace, participants: [Participant]) -> DocumentRecording {
        let metadata = document.metadata
        guard let media = metadata.media else { return .none }
        // Consent first: a withheld recording is not even looked for on disk.
        let decision = ConsentRule.today(participants).recording(of: metadata.participants, type: metadata.type, date: metadata.date)
        if case .withheld(let reason) = decision { return .withheld(reason) }
        // A recording that held an erased participant's voice: they are gone from the register
        // and the front matter, so the rule above no longer sees them; the erased list does
        // (unreadable, it withholds rather than risk playing their voice).
        if (try? ErasedList.recordings(workspace).contains(media)) != false { return .withheld(.withdrawn) }
        return locate(media, in: workspace)
    }

    /// The file `media` names in `workspace`, with symbolic links resolved: refused when it
    /// ends up outside the workspace, missing when there is no regular file.
    public static func locate(_ media: String, in workspace: Workspace) -> DocumentRecording {
        guard RecordingMedia.problem(with: media) == nil, let contentType = RecordingMedia.contentType(of: media) else {
            return .refused(path: media)
        }
        let file = workspace.url(forRelativePath: media)
        guard FileManager.default.fileExists(atPath: file.path) else { return .missing(path: media) }
        let resolved = file.resolvingSymlinksInPath()
        let root = workspace.root.resolvingSymlinksInPath().path
        guard resolved.path.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return .refused(path: media) }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = (attributes[.size] as? NSNumber)?.intValue else { return .missing(path: media) }
        return .available(file: resolved, contentType: contentType, size: size)
    }

    /// Loads the document and decides; nil when there is no such document.
    public static func load(_ id: String, workspace: Workspace, store: any FieldworkStore) async throws -> DocumentRecording? {
        guard let document = try await store.document(id: id) else { return nil }
        return of(document, workspace: workspace, participants: try await store.participants())
    }
}

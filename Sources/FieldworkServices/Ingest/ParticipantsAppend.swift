import FieldworkCore
import Foundation

/// New participants appended to `corpus/participants.yaml` as a text patch: the researchers'
/// comments, order and styles stay as they are (as codebook edits keep them, see
/// `CodebookTextPatch`); each new entry is written with double-quoted scalars (`YAMLQuoting`)
/// at the indentation of the existing entries. The result is parsed again and must hold exactly
/// the old participants followed by the new ones, so the patch can never change meaning.
public struct ParticipantsAppend: Sendable {
    public let url: URL
    public let path: String
    /// The file's bytes when the patch was made: it is written only if they are still there.
    public let original: Data
    /// The patched file.
    public let text: String
    public let before: [Participant]
    /// Every participant of the patched file.
    public let participants: [Participant]

    /// - Parameter comment: a comment line written above each new entry (no names, no text).
    public init(_ new: [Participant], workspace: Workspace, comment: String) throws {
        url = workspace.participantsFile
        path = workspace.relativePath(of: url)
        original = FileManager.default.fileExists(atPath: url.path) ? try SourceText.load(url, path: path) : Data()
        before = try ParticipantsParser.parse(try SourceText.decode(original, path: path))
        let raw = String(decoding: original, as: UTF8.self)
        let lineEnding = raw.contains("\r\n") ? "\r\n" : "\n"
        var lines = raw.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = lines.last, last.trimmingSpaces.isEmpty { lines.removeLast() }
        var indent = "  "
        if let key = lines.firstIndex(where: { $0.hasPrefix("participants:") }) {
            let rest = lines[key].dropFirst("participants:".count)
            let value = rest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?.trimmingSpaces ?? ""
            if value == "[]" {
                // The starter file's empty flow list becomes a block list (its comment stays).
                lines[key] = "participants:" + (rest.firstIndex(of: "#").map { "  " + rest[$0...] } ?? "")
            } else if !value.isEmpty {
                throw SourceProblem(file: path, line: key + 1, "participants are written as a flow list; new participants "
                    + "can only be added to a block list (one '- id: …' entry per participant)")
            }
            if let item = lines[(key + 1)...].first(where: { $0.trimmingSpaces.hasPrefix("- ") }) {
                indent = String(item.prefix { $0 == " " })
            }
        } else {
            lines.append("participants:")
        }
        for participant in new {
            lines.append(indent + "# " + comment)
            lines.append(indent + "- id: " + YAMLQuoting.quoted(participant.id))
            lines.append(indent + "  role: " + participant.role.rawValue)
            if !participant.administrations.isEmpty {
                lines.append(indent + "  administrations: [" + participant.administrations.map(\.rawValue).joined(separator: ", ") + "]")
            }
            if !participant.attributes.isEmpty {
                lines.append(indent + "  attributes:")
                for (key, value) in participant.attributes.sorted(by: { $0.key < $1.key }) {
                    lines.append(indent + "    " + YAMLQuoting.quoted(key) + ": " + YAMLQuoting.quoted(value))
                }
            }
        }
        text = (lines + [""]).joined(separator: lineEnding)
        participants = try ParticipantsParser.parse(try SourceText.decode(Data(text.utf8), path: path))
        guard participants == before + new else {
            throw SourceProblem(file: path, line: 0, "appending the new participants would change the file's meaning; nothing written")
        }
    }

    /// The store's record of the patched file, as ingest would make it.
    public var fileState: SourceFileState {
        SourceFileState(path: path, contentHash: SourceText.contentHash(of: Data(text.utf8)), parserVersion: CorpusDocumentParser.version)
    }

    public var originalFileState: SourceFileState {
        SourceFileState(path: path, contentHash: SourceText.contentHash(of: original), parserVersion: CorpusDocumentParser.version)
    }

    /// Writes the patched file, unless someone changed the file since the patch was made.
    public func place() throws {
        let current = FileManager.default.fileExists(atPath: url.path) ? try SourceText.load(url, path: path) : Data()
        guard current == original else {
            throw SourceProblem(file: path, line: 0, "changed while the import ran; nothing written (run the import again)")
        }
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    /// Puts the file back as it was, if it holds the patched text (a failed import); true if it did.
    @discardableResult
    public func restore() -> Bool {
        guard let current = try? Data(contentsOf: url), current == Data(text.utf8) else { return false }
        try? original.write(to: url, options: .atomic)
        return true
    }
}

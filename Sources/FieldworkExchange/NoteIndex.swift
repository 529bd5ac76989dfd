import FieldworkCore
import Foundation

/// The notes of an imported project, by GUID, with their text read (inline or from the
/// archive). Each note is used once: a note taken for a coding's memo is not also imported as a
/// memo of its own, and the notes nobody took become project memos.
struct NoteIndex {
    struct Note: Sendable {
        var guid: String
        var name: String?
        var text: String
        var user: String?
        var created: Date?
    }

    private var notes: [String: Note] = [:]
    private var order: [String] = []
    private var taken: Set<String> = []
    private(set) var problems: [ImportReport.Problem] = []

    init(_ elements: [REFI.TextSource], archive: QDPXArchive) {
        for element in elements {
            guard let guid = element.guid.map(StableGUID.normalized), !guid.isEmpty else { continue }
            let label = "note \"\(element.name ?? guid)\""
            let text: String
            do {
                if let inline = element.plainTextContent {
                    text = try SourceTextMap(inline: inline).text
                } else if let path = element.plainTextPath {
                    guard let data = archive.internalFile(path) else {
                        problems.append(.init(item: label, reason: "its text file \(path) is not in the archive"))
                        continue
                    }
                    text = try SourceTextMap(data: data).text
                } else {
                    text = element.description ?? ""
                }
            } catch {
                problems.append(.init(item: label, reason: "\(error)"))
                continue
            }
            notes[guid] = Note(guid: guid, name: element.name, text: text.trimmingSpaces,
                               user: element.creatingUser ?? element.modifyingUser,
                               created: element.creationDateTime.flatMap(QDADateTime.date))
            order.append(guid)
        }
    }

    /// The notes `refs` point at that are not taken yet; marks them taken.
    mutating func take(_ refs: [REFI.Ref]?) -> [Note] {
        var found: [Note] = []
        for ref in refs ?? [] {
            guard let guid = ref.targetGUID.map(StableGUID.normalized), !taken.contains(guid),
                  let note = notes[guid] else { continue }
            taken.insert(guid)
            found.append(note)
        }
        return found
    }

    /// Notes nobody referred to (journals), in file order; marks them taken.
    mutating func takeRemaining() -> [Note] {
        let remaining = order.filter { !taken.contains($0) }
        taken.formUnion(remaining)
        return remaining.compactMap { notes[$0] }
    }
}

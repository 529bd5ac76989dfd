import FieldworkCore
import Foundation

/// Memos as REFI-QDA notes, and where each note is referenced from.
///
/// Analytic memos (on the project, a document or a code) become notes whose text is a file in
/// `sources/`, which is how QualCoder and others read journals; a coding's memo becomes a short
/// note with its text inline, referenced from the coding.
struct ProjectNotes {
    var notes: [XElement] = []
    /// Internal files: name in `sources/` → text.
    var files: [(name: String, text: String)] = []
    var projectRefs: [String] = []
    var documentRefs: [String: [String]] = [:]
    var codeRefs: [String: [String]] = [:]
    /// Note names are made unique: QualCoder imports named notes as journals, and its handling
    /// of a journal name that already exists fails.
    private var nameCounts: [String: Int] = [:]

    init(_ snapshot: ProjectSnapshot) {
        let titles = Dictionary(uniqueKeysWithValues: snapshot.documents.map { ($0.metadata.id, $0.metadata.title) })
        for memo in snapshot.memos {
            let guid = StableGUID.make(.memo, memo.id)
            let name: String
            switch memo.target {
            case .project:
                name = "Project memo"
                projectRefs.append(guid)
            case .document:
                name = "Memo on \(memo.targetID)" + (titles[memo.targetID].map { ": \($0)" } ?? "")
                documentRefs[memo.targetID, default: []].append(guid)
            case .code:
                name = "Memo on code " + (snapshot.codebook[memo.targetID]?.name ?? memo.targetID)
                codeRefs[memo.targetID, default: []].append(guid)
            }
            files.append((guid + ".txt", memo.text))
            notes.append(XElement("Note", Self.attributes(guid: guid, name: unique(name), author: memo.author,
                                                          created: memo.createdAt, modified: memo.updatedAt)
                                  + [("plainTextPath", "internal://\(guid).txt")]))
        }
        for coding in snapshot.codings {
            guard let memo = coding.memo, !memo.isEmpty else { continue }
            let name = "Coding memo: " + (snapshot.codebook[coding.codeID]?.name ?? coding.codeID)
            notes.append(XElement("Note", Self.attributes(guid: Self.codingMemoGUID(coding), name: unique(name), author: coding.coder,
                                                          created: coding.createdAt, modified: coding.updatedAt),
                                  children: [XElement("PlainTextContent", text: memo)]))
        }
    }

    private mutating func unique(_ name: String) -> String {
        let count = nameCounts[name, default: 0] + 1
        nameCounts[name] = count
        return count == 1 ? name : "\(name) (\(count))"
    }

    static func codingMemoGUID(_ coding: Coding) -> String? {
        guard let memo = coding.memo, !memo.isEmpty else { return nil }
        return StableGUID.make(.codingMemo, coding.id)
    }

    var element: [XElement] {
        notes.isEmpty ? [] : [XElement("Notes", children: notes)]
    }

    private static func attributes(guid: String?, name: String, author: String, created: Date, modified: Date) -> [(String, String?)] {
        [
            ("guid", guid), ("name", name),
            ("creatingUser", StableGUID.make(.user, author)), ("creationDateTime", QDADateTime.string(created)),
            ("modifiedDateTime", QDADateTime.string(modified)),
        ]
    }
}

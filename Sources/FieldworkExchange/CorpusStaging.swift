import Foundation

/// Corpus files an import creates, written next to their place under hidden temporary names
/// (which ingest does not read: they do not end in `.md`), moved into place just before the
/// import's transaction, and removed again by `discard` if anything fails, so that a failed
/// import leaves no corpus file behind, whole or half written.
final class CorpusStaging: @unchecked Sendable {  // used by one import at a time
    private let files: [(temporary: URL, final: URL)]
    /// Folders made for the files (a source's `Corpus file:` sub-folder), deepest last.
    private var folders: [URL] = []

    init(_ files: [(url: URL, markdown: String)]) throws {
        var staged: [(URL, URL)] = []
        var made: [URL] = []
        do {
            for file in files {
                let folder = file.url.deletingLastPathComponent()
                var missing: [URL] = []
                var ancestor = folder
                while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.pathComponents.count > 1 {
                    missing.insert(ancestor, at: 0)
                    ancestor = ancestor.deletingLastPathComponent()
                }
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                made += missing
                let temporary = folder.appending(path: ".\(file.url.lastPathComponent).fieldwork-import-\(UUID().uuidString)")
                try Data(file.markdown.utf8).write(to: temporary, options: [.withoutOverwriting])
                staged.append((temporary, file.url))
            }
        } catch {
            for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
            Self.removeEmpty(made)
            throw error
        }
        self.files = staged
        folders = made
    }

    private var placed: [URL] = []

    /// Removes every file this staging wrote, in place or not.
    func discard() {
        for file in files { try? FileManager.default.removeItem(at: file.temporary) }
        for url in placed { try? FileManager.default.removeItem(at: url) }
        placed = []
        Self.removeEmpty(folders)
        folders = []
    }

    /// The folders a staging made, deepest first, each only while empty (someone may have put a
    /// file there meanwhile).
    private static func removeEmpty(_ folders: [URL]) {
        for folder in folders.reversed() where (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// Moves every file into place; an existing file is never replaced (moveItem refuses).
    func place() throws {
        for file in files {
            try FileManager.default.moveItem(at: file.temporary, to: file.final)
            placed.append(file.final)
        }
    }
}

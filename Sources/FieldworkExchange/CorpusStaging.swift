import Foundation

/// Corpus files an import creates, written next to their place under hidden temporary names
/// (which ingest does not read: they do not end in `.md`), moved into place just before the
/// import's transaction, and removed again by `discard` if anything fails, so that a failed
/// import leaves no corpus file behind, whole or half written.
final class CorpusStaging: @unchecked Sendable {  // used by one import at a time
    private let files: [(temporary: URL, final: URL)]

    init(_ files: [(url: URL, markdown: String)]) throws {
        var staged: [(URL, URL)] = []
        do {
            for file in files {
                let folder = file.url.deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let temporary = folder.appending(path: ".\(file.url.lastPathComponent).fieldwork-import-\(UUID().uuidString)")
                try Data(file.markdown.utf8).write(to: temporary, options: [.withoutOverwriting])
                staged.append((temporary, file.url))
            }
        } catch {
            for (temporary, _) in staged { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
        self.files = staged
    }

    private var placed: [URL] = []

    /// Removes every file this staging wrote, in place or not.
    func discard() {
        for file in files { try? FileManager.default.removeItem(at: file.temporary) }
        for url in placed { try? FileManager.default.removeItem(at: url) }
        placed = []
    }

    /// Moves every file into place; an existing file is never replaced (moveItem refuses).
    func place() throws {
        for file in files {
            try FileManager.default.moveItem(at: file.temporary, to: file.final)
            placed.append(file.final)
        }
    }
}

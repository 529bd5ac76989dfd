import FieldworkCore
import FieldworkServices
import Foundation

/// Makes a corpus document from a foreign plain-text source that no document matches: a
/// Markdown file `corpus/ID.md` (id from the source's name, title the name, date the source's
/// creation date, speaker turns where paragraphs open with a repeated `Name: ` label) whose
/// plain text is the source's canonical text exactly. That is checked with ingest's own parser
/// before anything is written; a text that cannot be written exactly is reported, not created.
struct SourceDocumentMaker {
    struct Made: Sendable {
        var url: URL
        var path: String
        var markdown: String
        var change: DocumentChange
        var speakers: [String]
    }

    let workspace: Workspace
    let participants: Set<String>
    /// Ids of stored documents and of documents made so far.
    var usedIDs: Set<String>

    /// - Parameter cases: names of the project's cases that refer to this source; those that are
    ///   participants join the front matter's `participants`.
    mutating func make(_ source: REFI.TextSource, text: String, cases: [String] = []) -> Result<Made, ImportReport.Problem> {
        let name = source.name ?? source.guid ?? "source"
        let id = uniqueID(for: name)
        let url = workspace.corpus.appending(path: id + ".md")
        let path = workspace.relativePath(of: url)
        let label = "source \"\(name)\""
        if FileManager.default.fileExists(atPath: url.path) {
            return .failure(.init(item: label, reason: "\(path) already exists and is never replaced; its text differs from the source's"))
        }
        let date = source.creationDateTime.flatMap(QDADateTime.date).map { String(QDADateTime.string($0).prefix(10)) }
        let turns = PlainTextTurns.markdown(forPlainText: text)
        // With turns first; should bold labels ever change the text, without them.
        let candidates = [(turns.markdown, turns.speakers), (MarkdownEscaping.markdown(forPlainText: text), [])]
        for (body, speakers) in candidates {
            let metadata = DocumentMetadata(id: id, type: speakers.isEmpty ? .note : .interview, title: name, date: date,
                                            participants: unique(speakers + cases).filter(participants.contains))
            let markdown = TranscriptMarkdown.frontMatter(metadata) + "\n" + body + "\n"
            guard let change = try? CorpusFilePreview.document(Data(markdown.utf8), path: path, knownParticipants: participants),
                  change.text.plainText.unicodeScalars.elementsEqual(text.unicodeScalars) else { continue }
            usedIDs.insert(id)
            return .success(Made(url: url, path: path, markdown: markdown, change: change, speakers: speakers))
        }
        return .failure(.init(item: label, reason: "its text cannot be written as Markdown with exactly the same plain text "
            + "(it holds U+0000); no document created"))
    }

    private func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// `Intervju 14.docx` → `intervju-14`, made unique with `-2`, `-3`…
    private func uniqueID(for name: String) -> String {
        var stem = name
        if let dot = stem.lastIndex(of: "."), (2...4).contains(stem.distance(from: dot, to: stem.endIndex) - 1),
           stem[stem.index(after: dot)...].allSatisfy(\.isLetter) {
            stem = String(stem[..<dot])
        }
        let base = TranscriptImportService.documentID(fromFileName: stem)
        var candidate = base
        var counter = 2
        while usedIDs.contains(candidate) || FileManager.default.fileExists(atPath: workspace.corpus.appending(path: candidate + ".md").path) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}

extension ImportReport.Problem: Error {}

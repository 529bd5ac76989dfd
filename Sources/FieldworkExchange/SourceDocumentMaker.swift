import FieldworkCore
import FieldworkServices
import Foundation

/// Makes a corpus document from a plain-text source that no document matches: a Markdown file
/// `corpus/ID.md` whose plain text is the source's canonical text exactly. That is checked with
/// ingest's own parser before anything is written; a text that cannot be written exactly is
/// reported, not created.
///
/// A source from a Fieldwork export comes back as it was written: its Markdown (`SourceMarkdown`)
/// as it stands when its id and participants fit this workspace, else its body (turns, headings)
/// under a front matter made here from the source's description (`SourceDescription`: title,
/// type, date, language, interviewer, administrations). Any other source becomes Markdown made
/// from its text: id from its name, title the name, date its creation date, speaker turns where
/// paragraphs open with a repeated `Name: ` label.
struct SourceDocumentMaker {
    struct Made: Sendable {
        var url: URL
        var path: String
        var markdown: String
        var change: DocumentChange
        var speakers: [String]
    }

    let workspace: Workspace
    /// Known participant ids, including those made from the project's cases.
    var participants: Set<String>
    /// Ids of stored documents and of documents made so far.
    var usedIDs: Set<String>

    /// - Parameters:
    ///   - cases: the participants that the project's cases referring to this source are; they
    ///     join the front matter's `participants`.
    ///   - markdown: the document's own Markdown, when a Fieldwork export carried it.
    ///   - personNames: the names of those cases that look like a person's, with their participant:
    ///     kept out of the document's id, title and speaker labels.
    mutating func make(_ source: REFI.TextSource, text: String, cases: [String] = [],
                       personNames: [(name: String, participant: String)] = [],
                       markdown: String? = nil) -> Result<Made, ImportReport.Problem> {
        let names = PersonNameMask(personNames)
        let givenName = source.name ?? source.guid ?? "source"
        // "Interview Maria.docx" of case "Maria Larsson" is "Interview C01.docx": the id and the
        // title were made from it as written (found by a new user).
        let name = names.masked(givenName)
        let described = source.description.map(SourceDescription.init(parsing:)) ?? SourceDescription()
        // Back in the folder a Fieldwork export says it lay in, under its own file name unless
        // its id had to change (then ID.md beside it).
        let file = described.corpusFile.map { $0.split(separator: "/").map(String.init) } ?? []
        let folder = file.dropLast().reduce(workspace.corpus) { $0.appending(path: $1) }
        let id = uniqueID(for: name, in: folder)
        let url = folder.appending(path: file.last.flatMap { id == Self.baseID(for: name) ? $0 : nil } ?? id + ".md")
        let path = workspace.relativePath(of: url)
        let label = "source \"\(name)\""
        let turns = PlainTextTurns.markdown(forPlainText: text)
        // A turn labelled with the case's name would put the name in the corpus and count for no
        // participant, so its words would be shown with no consent applied: refused, with the way out.
        if let speaker = turns.speakers.first(where: names.holds), let pseudonym = names.participant(of: speaker) {
            return .failure(.init(item: label, reason: "its speaker label '\(speaker)' is the name of a case that looks like a person's "
                + "(participant \(pseudonym)), which never reaches the corpus: rename the speaker to \(pseudonym) in the other tool, or "
                + "bring the text in with `fieldwork import transcript FILE --speaker \"\(speaker)=\(pseudonym)\"`; no document created"))
        }
        if FileManager.default.fileExists(atPath: url.path) {
            return .failure(.init(item: label, reason: "\(path) already exists and is never replaced; its text differs from the source's"))
        }
        let date = described.date ?? source.creationDateTime.flatMap(QDADateTime.date).map { String(QDADateTime.string($0).prefix(10)) }
        func frontMatter(_ type: DocumentType, speakers: [String]) -> String {
            TranscriptMarkdown.frontMatter(DocumentMetadata(
                id: id, type: described.type ?? type, title: described.title ?? name, date: date, language: described.language,
                participants: unique(speakers + cases).filter(participants.contains), interviewer: described.interviewer,
                administrations: described.administrations))
        }
        // nil speakers: the parsed turns' own.
        var candidates: [(markdown: String, speakers: [String]?)] = []
        if let markdown {
            candidates.append((markdown, nil))
            if let body = try? FrontMatter.split(markdown, path: path).body {
                candidates.append((frontMatter(.note, speakers: turns.speakers) + body, nil))
            }
        }
        // With turns first; should bold labels ever change the text, without them.
        candidates.append((frontMatter(turns.speakers.isEmpty ? .note : .interview, speakers: turns.speakers) + "\n" + turns.markdown + "\n",
                           turns.speakers))
        candidates.append((frontMatter(.note, speakers: []) + "\n" + MarkdownEscaping.markdown(forPlainText: text) + "\n", []))
        for (markdown, speakers) in candidates {
            guard let change = try? CorpusFilePreview.document(Data(markdown.utf8), path: path, knownParticipants: participants),
                  change.metadata.id == id,
                  change.text.plainText.unicodeScalars.elementsEqual(text.unicodeScalars) else { continue }
            usedIDs.insert(id)
            return .success(Made(url: url, path: path, markdown: markdown, change: change,
                                 speakers: speakers ?? unique(change.text.segments.compactMap(\.speaker))))
        }
        return .failure(.init(item: label, reason: "its text cannot be written as Markdown with exactly the same plain text "
            + "(it holds U+0000); no document created"))
    }

    private func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// `Intervju 14.docx` → `intervju-14`.
    private static func baseID(for name: String) -> String {
        var stem = name
        if let dot = stem.lastIndex(of: "."), (2...4).contains(stem.distance(from: dot, to: stem.endIndex) - 1),
           stem[stem.index(after: dot)...].allSatisfy(\.isLetter) {
            stem = String(stem[..<dot])
        }
        return TranscriptImportService.documentID(fromFileName: stem)
    }

    /// The base id, made unique with `-2`, `-3`… (among documents, and files in `folder`).
    private func uniqueID(for name: String, in folder: URL) -> String {
        let base = Self.baseID(for: name)
        var candidate = base
        var counter = 2
        while usedIDs.contains(candidate) || FileManager.default.fileExists(atPath: folder.appending(path: candidate + ".md").path) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}

extension ImportReport.Problem: Error {}

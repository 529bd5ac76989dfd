import FieldworkCore
import Foundation

/// `import transcript`: reads transcripts from other formats and writes each as a corpus file
/// ready for ingest. Every file is planned first; nothing is written unless all of them can
/// be (unknown speakers mapped, id and file new, no real name in the output).
public struct TranscriptImportService: Sendable {
    public let workspace: Workspace
    public let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    /// - Parameter files: the files with the path to show for each (as the user typed it).
    public func plan(_ files: [(url: URL, path: String)], options: TranscriptImportOptions) async throws
        -> [TranscriptImportItem] {
        let participants = try knownParticipants()
        let erased = try ErasedList.load(workspace)
        var usedIDs = try await Set(store.documents().map(\.metadata.id)).union(corpusIDs())
        var items: [TranscriptImportItem] = []
        for file in files {
            let (transcript, format) = try await TranscriptReader.read(file.url, displayPath: file.path)
            let id = options.id ?? Self.documentID(fromFileName: file.url.deletingPathExtension().lastPathComponent)
            var item = plan(transcript, format: format, source: file.path, id: id, participants: participants, options: options)
            for label in Set(item.speakers.compactMap(\.label) + (options.participants ?? [])).intersection(erased).sorted() {
                item.problems.append("\(label) was erased (\(ErasedList.relativePath)); their words are not imported")
            }
            if usedIDs.contains(id) {
                item.problems.append("the id '\(id)' is already used by a document; choose another with --id")
            }
            usedIDs.insert(id)
            items.append(item)
        }
        return items
    }

    /// Writes the planned files; each must be new (an existing file is never replaced).
    public func write(_ items: [TranscriptImportItem]) throws {
        precondition(items.allSatisfy(\.problems.isEmpty), "only items without problems are written")
        for item in items {
            try FileManager.default.createDirectory(at: item.output.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(item.markdown.utf8).write(to: item.output, options: [.withoutOverwriting])
        }
    }

    private func plan(_ transcript: Transcript, format: String, source: String, id: String, participants: Set<String>,
                      options: TranscriptImportOptions) -> TranscriptImportItem {
        let directory = options.outputDirectory ?? workspace.corpus
        let output = directory.appending(path: id + ".md")
        let speakers: [TranscriptImportItem.Speaker] = transcript.speakers.map { name in
            TranscriptImportItem.Speaker(source: name, label: label(for: name, participants: participants, options: options),
                                         turns: transcript.turns.count { $0.speaker == name })
        }
        var problems: [String] = []
        if !CorpusDocumentParser.isValidID(id) {
            problems.append("the id '\(id)' may only use letters, digits, '.', '-' and '_'; choose one with --id")
        }
        if FileManager.default.fileExists(atPath: output.path) {
            problems.append("\(workspace.relativePath(of: output)) already exists; it is never replaced")
        }
        let unknown = speakers.filter { $0.label == nil }
        if !unknown.isEmpty {
            problems.append("\(EnglishCount.of(unknown.count, "unknown speaker")); map each with --speaker \"NAME=PSEUDONYM\"")
        }
        let labels = Dictionary(speakers.compactMap { speaker in speaker.label.map { (speaker.source, $0) } },
                                uniquingKeysWith: { first, _ in first })
        let speakerLabels = speakers.compactMap(\.label)
        let frontParticipants = options.participants ?? unique(speakerLabels.filter(participants.contains))
        for participant in frontParticipants where !participants.contains(participant) {
            problems.append("unknown participant '\(participant)' (not in corpus/participants.yaml)")
        }
        let metadata = DocumentMetadata(id: id, type: options.type, title: options.title ?? id, date: options.date,
                                        language: options.language, participants: frontParticipants)
        let markdown = TranscriptMarkdown.render(transcript, metadata: metadata, labels: labels)
        problems += realNameProblems(metadata, transcript: transcript, options: options)
        let times = transcript.turns.compactMap(\.start)
        return TranscriptImportItem(
            source: source, format: format, id: id, output: output, outputPath: workspace.relativePath(of: output),
            cues: transcript.cueCount, turns: transcript.turns.count, timedTurns: transcript.timedTurnCount,
            firstTime: times.min(), lastTime: transcript.turns.compactMap { $0.end ?? $0.start }.max(),
            speakers: speakers, problems: problems, markdown: problems.isEmpty ? markdown : "")
    }

    /// A speaker is known when mapped with `--speaker`, or already a participant's pseudonym or
    /// an interviewer word (then written as it is).
    private func label(for name: String, participants: Set<String>, options: TranscriptImportOptions) -> String? {
        if let mapped = options.speakers[name] { return mapped }
        if participants.contains(name) || SpeakerLabel.genericInterviewerLabels.contains(name.lowercased()) { return name }
        return nil
    }

    /// The real names given with `--speaker` must not reach the file: not in the id or title (also
    /// in the form an id made from a file name takes, `intervju-med-anna-svensson`), not in the
    /// spoken text — whole, or any of its words as written ("Berätta, Åsa." for "Åsa Öberg": an
    /// interviewer says the first name; found by a new user).
    private func realNameProblems(_ metadata: DocumentMetadata, transcript: Transcript,
                                  options: TranscriptImportOptions) -> [String] {
        let heading = (metadata.id + "\n" + metadata.title).lowercased()
        return options.speakers.sorted { $0.key < $1.key }.flatMap { entry -> [String] in
            let (name, label) = entry
            let needle = name.lowercased()
            guard label.lowercased() != needle else { return [] }
            var problems: [String] = []
            // Words of two letters or more, as capitalised in the name: "Ek" is a name, "ek" an oak.
            let words = Set(name.split { !$0.isLetter }.map(String.init).filter { $0.count >= 2 && $0 != label })
            func holdsWord(_ text: String) -> Bool { text.split { !$0.isLetter }.contains { words.contains(String($0)) } }
            let headingWords = Set(words.map { Self.documentID(fromFileName: $0) })
            if heading.contains(needle) || heading.contains(Self.documentID(fromFileName: name))
                || holdsWord(metadata.title) || metadata.id.split(separator: "-").contains(where: { headingWords.contains(String($0)) }) {
                problems.append("the name mapped to \(label) would appear in the id or title; choose others with --id and --title")
            }
            let lines = transcript.turns.filter { $0.text.lowercased().contains(needle) || holdsWord($0.text) }.map { String($0.line) }
            if !lines.isEmpty {
                problems.append("the name mapped to \(label) occurs in the spoken text (turns starting on line "
                                + lines.joined(separator: ", ") + "); pseudonymise it in the source first")
            }
            return problems
        }
    }

    private func knownParticipants() throws -> Set<String> {
        guard FileManager.default.fileExists(atPath: workspace.participantsFile.path) else { return [] }
        let source = try SourceText.read(workspace.participantsFile, path: workspace.relativePath(of: workspace.participantsFile))
        return Set(try ParticipantsParser.parse(source).map(\.id))
    }

    /// Ids declared by corpus files, ingested or not (a new file must not collide with either).
    private func corpusIDs() -> Set<String> {
        Set(WorkspaceFiles.discover(in: workspace).corpus.compactMap { url -> String? in
            guard let source = try? SourceText.read(url, path: url.path),
                  let front = try? FrontMatter.split(source.text, path: url.path) else { return nil }
            let idLine = front.yaml.split(separator: "\n").first { $0.hasPrefix("id:") }
            return idLine.map { String($0.dropFirst(3)).trimmingSpaces.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
        })
    }

    /// `Intervju 3 – Åsa.docx` → `intervju-3-asa`: ASCII letters and digits, dashes between.
    public static func documentID(fromFileName name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var id = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "." {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, !id.hasSuffix("-") {
                id += "-"
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "transcript" : id
    }

    private func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

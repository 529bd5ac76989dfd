import FieldworkCore
import FieldworkMarkdown

/// Turns a decoded corpus file into a document: front matter checked, body segmented.
struct CorpusDocumentParser: Sendable {
    /// Bump when segmentation or plain-text rules change: stored documents are then re-derived.
    static let version = 3  // 2: segment times from [00:12:34]; 3: media

    static let allowedKeys: Set<String> = [
        "id", "type", "title", "date", "language", "participants", "interviewer", "facilitator",
        "administrations", "location", "duration", "tags", "notes", "media",
    ]

    /// Who the front matter may name; nil: not checked here (ingest parses before it has read the
    /// register and checks each document's people afterwards, `CorpusParsing.checked`).
    let knownParticipants: Set<String>?

    func parse(_ source: SourceText) throws -> (change: DocumentChange, idLine: Int) {
        let front: FrontMatter
        do {
            front = try FrontMatter.split(source.text, path: source.path)
        } catch let problem as SourceProblem {
            throw SourceProblems([problem])
        }
        var reader = YAMLReader(file: source.path, lineOffset: 1)
        guard let header = readMetadata(front.yaml, &reader), reader.problems.isEmpty else {
            throw SourceProblems(reader.problems)
        }
        let (metadata, idLine) = header
        let blocks = MarkdownBlocks.parse(front.body, lineOffset: front.bodyLineOffset)
        let speakers = metadata.participants + [metadata.interviewer].compactMap { $0 }
        let text = Segmenter(type: metadata.type, knownSpeakers: speakers).segment(blocks)
        let file = SourceFileState(path: source.path, contentHash: source.contentHash, documentID: metadata.id,
                                   parserVersion: Self.version)
        return (DocumentChange(file: file, metadata: metadata, text: text), idLine)
    }

    private func readMetadata(_ yaml: String, _ reader: inout YAMLReader) -> (DocumentMetadata, idLine: Int)? {
        guard let root = reader.compose(yaml),
              let entries = reader.mapping(root, allowed: Self.allowedKeys, what: "the front matter") else { return nil }
        let id = reader.string(entries, "id", in: root, required: true)
        if let id, !id.unicodeScalars.allSatisfy(Self.isIDScalar) {
            reader.report(entries["id"], "id '\(id)' may only use letters, digits, '.', '-' and '_'")
        }
        let typeText = reader.string(entries, "type", in: root, required: true)
        let type = typeText.flatMap(DocumentType.init(rawValue:))
        if let typeText, type == nil {
            let allowed = DocumentType.allCases.map(\.rawValue).joined(separator: ", ")
            reader.report(entries["type"], "unknown type '\(typeText)' (use one of: \(allowed))")
        }
        let title = reader.string(entries, "title", in: root, required: true)
        let date = reader.string(entries, "date", in: root)
        if let date, !ISODate.isValid(date) {
            reader.report(entries["date"], "date '\(date)' is not a calendar date YYYY-MM-DD")
        }
        let participants = reader.strings(entries, "participants")
        for participant in participants where !(knownParticipants?.contains(participant.value) ?? true) {
            reader.report(line: participant.line,
                          "unknown participant '\(participant.value)' (not in corpus/participants.yaml)")
        }
        let administrations = reader.strings(entries, "administrations").compactMap { item -> Administration? in
            guard let administration = Administration(rawValue: item.value) else {
                let allowed = Administration.allCases.map(\.rawValue).joined(separator: ", ")
                reader.report(line: item.line, "unknown administration '\(item.value)' (use: \(allowed))")
                return nil
            }
            return administration
        }
        let media = reader.string(entries, "media", in: root)
        if let media, let problem = RecordingMedia.problem(with: media) { reader.report(entries["media"], problem) }
        guard let id, let type, let title else { return nil }
        let metadata = DocumentMetadata(
            id: id, type: type, title: title, date: date, language: reader.string(entries, "language", in: root),
            participants: participants.map(\.value),
            interviewer: reader.string(entries, "interviewer", in: root) ?? reader.string(entries, "facilitator", in: root),
            administrations: administrations, media: media)
        return (metadata, reader.line(of: entries["id"]))
    }

    /// Whether a document id is one the front matter accepts (used by importers before writing).
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy(isIDScalar)
    }

    private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
    }
}

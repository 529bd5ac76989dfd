import FieldworkCore

/// A REFI-QDA text source has a name and one free-text `Description`; a Fieldwork document also
/// has a title, a type (interview, workshop, policy lab, note), a date, a language, an
/// interviewer and the administrations it concerns. They travel in the description as labelled
/// lines (`Type: workshop`), which other tools show as they are, and which an import reads back
/// when it makes a document of the source. The name stays the document's id: unique, and safe as
/// a file name in tools that use it as one. A corpus file in a sub-folder, or named otherwise
/// than its id, says where it lies (`Corpus file: interviews/int-001.md`, under `corpus/`), so
/// an import puts it back there rather than flat.
struct SourceDescription: Sendable, Hashable {
    var title: String?
    var type: DocumentType?
    var date: String?
    var language: String?
    var interviewer: String?
    var administrations: [Administration] = []
    /// The file's path under `corpus/`; nil for `corpus/ID.md`, where an import puts it anyway.
    var corpusFile: String?

    private static let titleLabel = "Title: "
    private static let typeLabel = "Type: "
    private static let dateLabel = "Date: "
    private static let languageLabel = "Language: "
    private static let interviewerLabel = "Interviewer: "
    private static let administrationsLabel = "Administrations: "
    private static let corpusFileLabel = "Corpus file: "

    init(title: String? = nil, type: DocumentType? = nil, date: String? = nil, language: String? = nil,
         interviewer: String? = nil, administrations: [Administration] = []) {
        self.title = title
        self.type = type
        self.date = date
        self.language = language
        self.interviewer = interviewer
        self.administrations = administrations
    }

    /// `path`: the document's file, relative to the workspace (`corpus/interviews/int-001.md`).
    init(_ metadata: DocumentMetadata, path: String? = nil) {
        self.init(title: metadata.title, type: metadata.type, date: metadata.date, language: metadata.language,
                  interviewer: metadata.interviewer, administrations: metadata.administrations)
        if let path, path.hasPrefix("corpus/"), case let file = String(path.dropFirst("corpus/".count)),
           file != metadata.id + ".md", Self.isCorpusFile(file) {
            corpusFile = file
        }
    }

    /// A path an import may write under `corpus/`: relative, a Markdown file, no part empty,
    /// `..`, hidden (ingest skips those) or holding a backslash or control character.
    static func isCorpusFile(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return path.hasSuffix(".md") && parts.allSatisfy { part in
            !part.isEmpty && !part.hasPrefix(".") && !part.contains(Character("\\"))
                && !part.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
    }

    /// One labelled line per value given.
    var text: String {
        var lines: [String] = []
        // A title is one line; a line break in it would end the label.
        if let title { lines.append(Self.titleLabel + title.split(whereSeparator: \.isNewline).joined(separator: " ")) }
        if let type { lines.append(Self.typeLabel + type.rawValue) }
        if let date { lines.append(Self.dateLabel + date) }
        if let language { lines.append(Self.languageLabel + language) }
        if let interviewer { lines.append(Self.interviewerLabel + interviewer) }
        if !administrations.isEmpty {
            lines.append(Self.administrationsLabel + administrations.map(\.rawValue).joined(separator: ", "))
        }
        if let corpusFile { lines.append(Self.corpusFileLabel + corpusFile) }
        return lines.joined(separator: "\n")
    }

    /// Reads the labelled lines back. Another tool's description has none of them (or values
    /// Fieldwork does not know, which are left out): then every field is nil and the importer
    /// decides as for any foreign source.
    init(parsing text: String) {
        for line in text.replacingCRLF.split(separator: "\n").map(String.init) {
            func value(_ label: String) -> String? {
                guard line.hasPrefix(label) else { return nil }
                let value = String(line.dropFirst(label.count)).trimmingSpaces
                return value.isEmpty ? nil : value
            }
            if title == nil, let found = value(Self.titleLabel) {
                title = found
            } else if type == nil, let found = value(Self.typeLabel).flatMap(DocumentType.init(rawValue:)) {
                type = found
            } else if date == nil, let found = value(Self.dateLabel), ISODate.isValid(found) {
                date = found
            } else if language == nil, let found = value(Self.languageLabel) {
                language = found
            } else if interviewer == nil, let found = value(Self.interviewerLabel) {
                interviewer = found
            } else if administrations.isEmpty, let found = value(Self.administrationsLabel) {
                administrations = found.split(separator: ",").compactMap { Administration(rawValue: String($0).trimmingSpaces) }
            } else if corpusFile == nil, let found = value(Self.corpusFileLabel), Self.isCorpusFile(found) {
                corpusFile = found
            }
        }
    }
}

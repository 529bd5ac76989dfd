import FieldworkCore
import Foundation

/// What `import transcript` is asked to do.
public struct TranscriptImportOptions: Sendable {
    /// The document id; only with a single file (default: made from the file name).
    public var id: String?
    public var type: DocumentType
    /// Default: the id, since a file name may hold a participant's real name.
    public var title: String?
    /// Front matter `participants`; default: the speakers that are participants.
    public var participants: [String]?
    /// Source speaker (often a real name) → the label written in the corpus (a pseudonym).
    public var speakers: [String: String]
    /// Where the Markdown files go; default the workspace's `corpus/`.
    public var outputDirectory: URL?
    public var dryRun: Bool
    /// Front matter `date` (when the conversation took place): the consent rule judges the words
    /// by it; without it, as of each participant's first consent (`ConsentRule`).
    public var date: String?
    /// Front matter `language`: handouts quote material in their own language.
    public var language: String?

    public init(id: String? = nil, type: DocumentType = .interview, title: String? = nil, participants: [String]? = nil,
                speakers: [String: String] = [:], outputDirectory: URL? = nil, dryRun: Bool = false,
                date: String? = nil, language: String? = nil) {
        self.date = date
        self.language = language
        self.id = id
        self.type = type
        self.title = title
        self.participants = participants
        self.speakers = speakers
        self.outputDirectory = outputDirectory
        self.dryRun = dryRun
    }

    /// Parses `--speaker "Anna Svensson=R07"`; the label must be usable as a speaker label.
    public static func speakerMapping(_ argument: String) -> (name: String, label: String)? {
        guard let equals = argument.lastIndex(of: "=") else { return nil }
        let name = String(argument[..<equals]).trimmingSpaces
        let label = String(argument[argument.index(after: equals)...]).trimmingSpaces
        guard !name.isEmpty, !label.isEmpty, label.unicodeScalars.count <= 60,
              !label.contains(where: { $0 == ":" || $0 == "*" || $0.isNewline }) else { return nil }
        return (name, label)
    }
}

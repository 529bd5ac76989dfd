/// What a corpus file's YAML front matter says about it.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    public var id: String
    public var type: DocumentType
    public var title: String
    /// ISO 8601 calendar date (`YYYY-MM-DD`), kept as text: it is a label, not a timestamp.
    public var date: String?
    public var language: String?
    public var participants: [String]
    public var interviewer: String?
    public var administrations: [Administration]
    /// The recording of the interview or workshop, relative to the workspace
    /// (`recordings/int-001.m4a`); see `RecordingMedia`.
    public var media: String?

    public init(
        id: String, type: DocumentType, title: String, date: String? = nil, language: String? = nil,
        participants: [String] = [], interviewer: String? = nil, administrations: [Administration] = [],
        media: String? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.date = date
        self.language = language
        self.participants = participants
        self.interviewer = interviewer
        self.administrations = administrations
        self.media = media
    }
}

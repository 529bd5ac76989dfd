import FieldworkCore

/// A document's front matter as both faces print it; lists and views add their own fields
/// beside it (`MergedOutput`).
public struct DocumentMetadataOutput: Encodable, Sendable {
    public let id, type, title: String
    @AlwaysEncoded public var date: String?
    @AlwaysEncoded public var language: String?
    public let participants, administrations: [String]

    public init(_ metadata: DocumentMetadata) {
        id = metadata.id
        type = metadata.type.rawValue
        title = metadata.title
        date = metadata.date
        language = metadata.language
        participants = metadata.participants
        administrations = metadata.administrations.map(\.rawValue)
    }
}

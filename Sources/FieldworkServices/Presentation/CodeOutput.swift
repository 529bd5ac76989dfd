import FieldworkCore

/// A code's definition as both faces print it; each face adds its own fields beside these
/// (the API the number of codings, `codebook show --json` the children) with `merging`.
public struct CodeOutput: Encodable, Sendable {
    public let id, name, kind: String
    @AlwaysEncoded public var parent: String?
    @AlwaysEncoded public var description: String?
    @AlwaysEncoded public var include: String?
    @AlwaysEncoded public var exclude: String?
    @AlwaysEncoded public var color: String?
    public let examples: [String]
    /// The workshop questions (`questions:`), in the language the code was localized to.
    public let questions: [String]
    public let position: Int

    public init(_ code: Code) {
        id = code.id
        name = code.name
        kind = code.kind.rawValue
        parent = code.parentID
        description = code.description
        include = code.include
        exclude = code.exclude
        color = code.color
        examples = code.examples
        questions = code.questions
        position = code.position
    }
}

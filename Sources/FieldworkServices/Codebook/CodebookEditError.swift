/// Why the codebook editor refused a change, as data: the CLI prints `description` (English),
/// the web edge says it in the page's language from these cases and their values.
public enum CodebookEditError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The texts of a code that may be given per language.
    public enum TextField: String, Sendable, CaseIterable {
        case name, description, include, exclude
    }

    case invalidID(String)
    case duplicateID(String)
    case missingName
    case invalidColor(String)
    /// An edit without a language of a text the code gives per language (it would drop the
    /// other translations unasked).
    case languageRequired(code: String, field: TextField, languages: [String])
    /// A move under the code itself or one of its children.
    case moveUnderItself(String)
    case mergeIntoItself(String)
    /// A delete of a code with codings (merge it instead).
    case hasCodings(String, count: Int)
    /// A delete of a code with memos on it (merge it instead: they move with it).
    case hasMemos(String, count: Int)
    /// A delete or merge of a code with codes below it.
    case hasChildren(String, count: Int)
    /// The files were written but ingest refused them (the problem it named); they were restored.
    case refused(String)

    public var description: String {
        switch self {
        case .invalidID(let id): "code id '\(id)' must be a lower-case slug such as need.safety.night"
        case .duplicateID(let id): "code id '\(id)' already exists"
        case .missingName: "a code needs a name"
        case .invalidColor(let color): "colour '\(color)' is not #RRGGBB"
        case .languageRequired(let code, let field, let languages):
            "the \(Self.englishName(field)) of '\(code)' is given per language (\(languages.joined(separator: ", "))): "
                + "say which one to change (\"language\": \"\(languages.first ?? "")\")"
        case .moveUnderItself(let id): "cannot move '\(id)' under itself or one of its children"
        case .mergeIntoItself: "a code cannot be merged into itself"
        case .hasCodings(let id, let count):
            "'\(id)' has \(count) coding\(count == 1 ? "" : "s"); merge it into another code instead, or remove the codings first"
        case .hasMemos(let id, let count):
            "'\(id)' has \(count) memo\(count == 1 ? "" : "s"); merge it into another code instead (its memos move there), or remove the memos first"
        case .hasChildren(let id, let count):
            "'\(id)' has \(count) code\(count == 1 ? "" : "s") below it; move or delete them first"
        case .refused(let problem): "the codebook change was not saved: \(problem)"
        }
    }

    private static func englishName(_ field: TextField) -> String {
        switch field {
        case .name: "name"
        case .description: "description"
        case .include: "include note"
        case .exclude: "exclude note"
        }
    }
}

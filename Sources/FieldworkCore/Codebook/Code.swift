/// One code of the shared codebook.
///
/// `id` is stable: renaming or moving a code keeps it, and codings refer to codes by id only.
/// `formerly` lists ids this code replaces (a renamed id, or codes merged into this one); their
/// codings move here when the codebook is ingested.
public struct Code: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var kind: CodeKind
    public var description: String?
    public var include: String?
    public var exclude: String?
    public var examples: [String]
    /// Questions for a workshop group about this theme (`questions:`), printed on its handouts;
    /// per language in `translations` like the name.
    public var questions: [String]
    /// `#RRGGBB`, lower-cased.
    public var color: String?
    public var parentID: String?
    /// Order among its siblings, as written in the YAML.
    public var position: Int
    public var formerly: [String]
    /// Where the code is defined, for messages: `codebooks/fieldwork.yaml:12`.
    public var source: SourceLocation?
    /// Name, description and examples per language, where the codebook gives them so
    /// (`CodeTranslation`); `name`, `description` and `examples` hold the first language written.
    public var translations: [String: CodeTranslation]

    public init(
        id: String, name: String, kind: CodeKind, description: String? = nil, include: String? = nil,
        exclude: String? = nil, examples: [String] = [], color: String? = nil, parentID: String? = nil,
        position: Int = 0, formerly: [String] = [], source: SourceLocation? = nil, questions: [String] = []
    ) {
        self.questions = questions
        self.id = id
        self.name = name
        self.kind = kind
        self.description = description
        self.include = include
        self.exclude = exclude
        self.examples = examples
        self.color = color
        self.parentID = parentID
        self.position = position
        self.formerly = formerly
        self.source = source
        translations = [:]
    }

    /// Dotted slugs: lower-case letters and digits, in parts joined by `.`, `-` or `_`.
    public static func isValidID(_ id: String) -> Bool {
        var previousWasSeparator = true
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9":
                previousWasSeparator = false
            case ".", "-", "_":
                if previousWasSeparator { return false }
                previousWasSeparator = true
            default:
                return false
            }
        }
        return !previousWasSeparator
    }

    /// `#RGB` or `#RRGGBB`; returns the canonical `#rrggbb` or nil.
    public static func normalizedColor(_ color: String) -> String? {
        let scalars = Array(color.lowercased().unicodeScalars)
        guard scalars.first == "#", scalars.count == 4 || scalars.count == 7 else { return nil }
        let digits = scalars.dropFirst()
        guard digits.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) else { return nil }
        if digits.count == 3 {
            return "#" + digits.map { "\($0)\($0)" }.joined()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

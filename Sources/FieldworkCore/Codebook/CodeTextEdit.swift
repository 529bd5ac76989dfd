/// Changing a code's name or definition as a reader of one language sees it.
///
/// Where the codebook gives a text per language, only that language's text changes: a Swedish
/// coder's edit must not erase the English definition a colleague wrote (and the other way
/// round). The code's own text (`name`, `description`, …: the first language written) follows
/// when that language is the own one. Where the codebook gives one text, or no language is
/// named, the new text is the one text and replaces every language's.
extension Code {
    /// The parts of a definition that may be given per language.
    public enum DefinitionPart: Sendable {
        case description, include, exclude

        var own: WritableKeyPath<Code, String?> {
            switch self {
            case .description: \.description
            case .include: \.include
            case .exclude: \.exclude
            }
        }

        var translated: WritableKeyPath<CodeTranslation, String?> {
            switch self {
            case .description: \.description
            case .include: \.include
            case .exclude: \.exclude
            }
        }
    }

    public mutating func rename(to name: String, in language: String?) {
        var own: String? = self.name
        Self.edit(&own, name, in: language, translations: &translations, \.name)
        self.name = own ?? name
    }

    /// The languages the name is given in, sorted; empty where it is one plain text.
    public var nameLanguages: [String] { Self.languages(translations, \.name) }

    /// The languages a part of the definition is given in, sorted; empty where it is one plain text.
    public func languages(of part: DefinitionPart) -> [String] { Self.languages(translations, part.translated) }

    private static func languages(_ translations: [String: CodeTranslation], _ field: KeyPath<CodeTranslation, String?>) -> [String] {
        translations.compactMapValues { $0[keyPath: field] }.keys.sorted()
    }

    /// `nil` removes the text (in `language`, where it is given per language).
    public mutating func define(_ part: DefinitionPart, as text: String?, in language: String?) {
        var own = self[keyPath: part.own]
        Self.edit(&own, text, in: language, translations: &translations, part.translated)
        self[keyPath: part.own] = own
    }

    private static func edit(_ own: inout String?, _ new: String?, in language: String?,
                             translations: inout [String: CodeTranslation], _ field: WritableKeyPath<CodeTranslation, String?>) {
        let languages = translations.compactMapValues { $0[keyPath: field] }
        guard let language, !languages.isEmpty else {
            own = new
            for key in translations.keys { translations[key]![keyPath: field] = nil }
            return
        }
        let wasOwn = languages[language] != nil && languages[language] == own
        translations[language, default: CodeTranslation()][keyPath: field] = new
        guard wasOwn else { return }
        // The own text is the first language's: after a removal, the first language left
        // (alphabetically, as the writer orders the others).
        own = new ?? translations.compactMapValues { $0[keyPath: field] }.sorted { $0.key < $1.key }.first?.value
    }
}

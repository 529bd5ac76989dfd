/// A code's texts in one language, from a codebook that gives them per language
/// (`name: {sv: Trygghet i hemmet, en: Safety at home}`). A part not given falls back to the
/// code's own text (the first language written).
public struct CodeTranslation: Sendable, Hashable, Codable {
    public var name: String?
    public var description: String?
    public var include: String?
    public var exclude: String?
    public var examples: [String]?
    public var questions: [String]?

    public init(name: String? = nil, description: String? = nil, include: String? = nil, exclude: String? = nil,
                examples: [String]? = nil, questions: [String]? = nil) {
        self.include = include
        self.exclude = exclude
        self.questions = questions
        self.name = name
        self.description = description
        self.examples = examples
    }
}

extension Code {
    /// The code as a reader of `language` sees it: its name, definition and examples in that
    /// language where the codebook gives them.
    public func localized(_ language: String) -> Code {
        guard let translation = translations[language] else { return self }
        var code = self
        code.name = translation.name ?? name
        code.description = translation.description ?? description
        code.include = translation.include ?? include
        code.exclude = translation.exclude ?? exclude
        code.examples = translation.examples ?? examples
        code.questions = questions(in: language) ?? []
        return code
    }

    /// The workshop questions in `language`: that language's list, or the plain list when the
    /// codebook gives them without languages; nil when they are only in other languages (a
    /// handout then asks its own questions rather than mix languages).
    public func questions(in language: String) -> [String]? {
        if let own = translations[language]?.questions { return own }
        if translations.values.contains(where: { $0.questions != nil }) { return nil }
        return questions.isEmpty ? nil : questions
    }
}

extension Codebook {
    /// Every code localized (see `Code.localized`).
    public func localized(_ language: String) -> Codebook {
        Codebook(codes: codes.map { $0.localized(language) })
    }
}

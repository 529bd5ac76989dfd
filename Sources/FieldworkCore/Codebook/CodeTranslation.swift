/// A code's texts in one language, from a codebook that gives them per language
/// (`name: {sv: Trygghet i hemmet, en: Safety at home}`). A part not given falls back to the
/// code's own text (the first language written).
public struct CodeTranslation: Sendable, Hashable, Codable {
    public var name: String?
    public var description: String?
    public var examples: [String]?

    public init(name: String? = nil, description: String? = nil, examples: [String]? = nil) {
        self.name = name
        self.description = description
        self.examples = examples
    }
}

extension Code {
    /// The code as a reader of `language` sees it: its name, description and examples in that
    /// language where the codebook gives them.
    public func localized(_ language: String) -> Code {
        guard let translation = translations[language] else { return self }
        var code = self
        code.name = translation.name ?? name
        code.description = translation.description ?? description
        code.examples = translation.examples ?? examples
        return code
    }
}

extension Codebook {
    /// Every code localized (see `Code.localized`).
    public func localized(_ language: String) -> Codebook {
        Codebook(codes: codes.map { $0.localized(language) })
    }
}

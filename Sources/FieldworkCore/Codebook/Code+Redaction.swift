extension Code {
    /// The code with the identifiers of `corpus/redactions.yaml` replaced in every text it
    /// carries, in each language: an export of the codebook leaves the research team, and its
    /// examples quote transcripts ("until Eva came home"); `count` adds the replacements made.
    public func redacted(with redactions: Redactions, count: inout Int) -> Code {
        guard !redactions.isEmpty else { return self }
        var made = 0
        func clean(_ text: String) -> String {
            let (redacted, n) = redactions.apply(text)
            made += n
            return redacted
        }
        var code = self
        code.name = clean(name)
        code.description = description.map(clean)
        code.include = include.map(clean)
        code.exclude = exclude.map(clean)
        code.examples = examples.map(clean)
        code.questions = questions.map(clean)
        code.translations = translations.mapValues { translation in
            var translation = translation
            translation.name = translation.name.map(clean)
            translation.description = translation.description.map(clean)
            translation.include = translation.include.map(clean)
            translation.exclude = translation.exclude.map(clean)
            translation.examples = translation.examples?.map(clean)
            translation.questions = translation.questions?.map(clean)
            return translation
        }
        count += made
        return code
    }
}

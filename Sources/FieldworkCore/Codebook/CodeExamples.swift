extension Code {
    /// Removes the examples whose text is among `texts`, in every language the codebook gives
    /// examples in (the same words are the same quote, whichever list holds them). The own list
    /// stays the first language's, as the parser reads it back: when that language's examples
    /// are all gone, the first language left (alphabetically, as the writer orders them).
    /// Returns how many were removed from the own list and the translations together.
    @discardableResult
    public mutating func removeExamples(_ texts: Set<String>) -> Int {
        var removed = 0
        func drop(_ list: inout [String]) {
            let before = list.count
            list.removeAll(where: texts.contains)
            removed += before - list.count
        }
        let translated = translations.contains { $0.value.examples != nil }
        var own = examples
        drop(&own)
        guard translated else {
            examples = own
            return removed
        }
        // The own list is one of the languages' lists: counted there.
        removed = 0
        for language in translations.keys.sorted() {
            guard var list = translations[language]!.examples else { continue }
            drop(&list)
            translations[language]!.examples = list.isEmpty ? nil : list
        }
        examples = own
        if examples.isEmpty {
            examples = translations.sorted { $0.key < $1.key }.compactMap { $0.value.examples }.first ?? []
        }
        // A language that held only examples is no language of the code any more.
        translations = translations.filter { $0.value != CodeTranslation() }
        return removed
    }
}

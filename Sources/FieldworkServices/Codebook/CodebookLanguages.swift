import FieldworkCore
import Foundation
import Yams

/// A codebook text given per language: `name: {sv: Trygghet i hemmet, en: Safety at home}`,
/// `examples: {sv: [...], en: [...]}`; a plain value stays valid. The first language written
/// is the code's own text (what the CLI and exports show).
extension YAMLReader {
    static let languagePattern = #"^[a-z]{2,3}$"#

    /// A single text, or one per language. `nil` text when missing (reported if `required`).
    mutating func localizedString(_ entries: [String: Node], _ key: String, in parent: Node,
                                  required: Bool = false) -> (text: String?, languages: [String: String]) {
        guard let node = entries[key], case .mapping(let mapping) = node else {
            return (string(entries, key, in: parent, required: required), [:])
        }
        var languages: [String: String] = [:]
        var first: String?
        for (keyNode, value) in mapping {
            guard let language = self.language(keyNode, key) else { continue }
            guard case .scalar(let scalar) = value, !scalar.string.trimmingSpaces.isEmpty else {
                report(value, "'\(key)' in '\(language)' must be a single, non-empty value")
                continue
            }
            languages[language] = scalar.string.trimmingSpaces
            if first == nil { first = scalar.string.trimmingSpaces }
        }
        if first == nil { report(node, "'\(key)' gives no text in any language") }
        return (first, languages)
    }

    /// A list of texts, or one list per language.
    mutating func localizedStrings(_ entries: [String: Node], _ key: String) -> (values: [String], languages: [String: [String]]) {
        guard let node = entries[key], case .mapping(let mapping) = node else {
            return (strings(entries, key).map(\.value), [:])
        }
        var languages: [String: [String]] = [:]
        var first: [String]?
        for (keyNode, value) in mapping {
            guard let language = self.language(keyNode, key) else { continue }
            let values = strings([key: value], key).map(\.value)
            languages[language] = values
            if first == nil { first = values }
        }
        return (first ?? [], languages)
    }

    private mutating func language(_ node: Node, _ key: String) -> String? {
        guard let language = node.string, language.range(of: Self.languagePattern, options: .regularExpression) != nil else {
            report(node, "'\(key)' per language takes language codes such as sv or en as keys")
            return nil
        }
        return language
    }
}

/// The per-language parts of one code, gathered into its translations.
func codeTranslations(names: [String: String], descriptions: [String: String], includes: [String: String] = [:],
                      excludes: [String: String] = [:], examples: [String: [String]],
                      questions: [String: [String]] = [:]) -> [String: CodeTranslation] {
    var translations: [String: CodeTranslation] = [:]
    let languages = Set(names.keys).union(descriptions.keys).union(includes.keys).union(excludes.keys).union(examples.keys).union(questions.keys)
    for language in languages {
        translations[language] = CodeTranslation(name: names[language], description: descriptions[language], include: includes[language],
                                                  exclude: excludes[language], examples: examples[language], questions: questions[language])
    }
    return translations
}

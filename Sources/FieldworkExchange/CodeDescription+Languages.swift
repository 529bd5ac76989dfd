import FieldworkCore
import FieldworkServices
import Foundation

/// A code's texts per language in its REFI-QDA description: one paragraph per language and
/// field, labelled `Name (sv): …`, `Description (en): …`, `Include (sv): …`, `Exclude (en): …`,
/// `Examples (sv):` and `Questions (en):` with `- ` lines. The code's own language comes first,
/// as in the codebook YAML, where the first language written is the code's own text; an import
/// reads it back so.
/// Other tools show the paragraphs as written, every language labelled.
extension CodeDescription {
    enum LanguageField: String, CaseIterable {
        case name = "Name", description = "Description", include = "Include", exclude = "Exclude", examples = "Examples"
        case questions = "Questions"

        var text: WritableKeyPath<CodeTranslation, String?>? {
            switch self {
            case .name: \.name
            case .description: \.description
            case .include: \.include
            case .exclude: \.exclude
            case .examples, .questions: nil
            }
        }

        /// The fields that are lists (`- ` lines).
        var list: WritableKeyPath<CodeTranslation, [String]?>? {
            switch self {
            case .examples: \.examples
            case .questions: \.questions
            default: nil
            }
        }
    }

    /// The field's paragraphs, own language first, then the others alphabetically; nil where
    /// the code gives the field as one plain text.
    func languageParagraphs(_ field: LanguageField) -> [String]? {
        if let key = field.text {
            let given = translations.compactMapValues { $0[keyPath: key] }
            guard !given.isEmpty else { return nil }
            let own: String? = switch field { case .description: description; case .include: include; case .exclude: exclude; default: nil }
            return Self.ordered(given, own: own).map { "\(field.rawValue) (\($0)): \(given[$0]!)" }
        }
        guard let list = field.list else { return nil }
        let given = translations.compactMapValues { $0[keyPath: list] }
        guard !given.isEmpty else { return nil }
        return Self.ordered(given, own: field == .questions ? questions : examples)
            .map { "\(field.rawValue) (\($0)):" + given[$0]!.map { "\n- " + $0 }.joined() }
    }

    /// Names come alphabetically: the code's own name is its project name, which an import takes
    /// as the own text whatever the order here.
    private static func ordered<Value: Equatable>(_ given: [String: Value], own: Value?) -> [String] {
        given.keys.sorted { left, right in
            let leftOwn = given[left] == own, rightOwn = given[right] == own
            return leftOwn != rightOwn ? leftOwn : left < right
        }
    }

    /// The paragraphs read so far, in order, and the one an unlabelled paragraph continues (a
    /// description of several paragraphs).
    struct LanguageParagraphs {
        var values: [(field: LanguageField, language: String, text: String?, examples: [String])] = []
        private var continues = false

        /// Takes the paragraph if it is a language paragraph or continues one; false otherwise.
        mutating func read(_ paragraph: String) -> Bool {
            for field in LanguageField.allCases {
                guard paragraph.hasPrefix(field.rawValue + " (") else { continue }
                let start = paragraph.index(paragraph.startIndex, offsetBy: field.rawValue.count + 2)
                guard let close = paragraph[start...].firstIndex(of: ")") else { continue }
                let language = String(paragraph[start..<close])
                let rest = paragraph[paragraph.index(after: close)...]
                guard CodebookLanguage.isLanguage(language), rest.hasPrefix(":"),
                      !values.contains(where: { $0.field == field && $0.language == language }) else { continue }
                if field.list != nil {
                    guard rest.hasPrefix(":\n- ") else { continue }
                    let items = rest.dropFirst(4).components(separatedBy: "\n- ").map(\.trimmingSpaces).filter { !$0.isEmpty }
                    values.append((field, language, nil, items))
                    continues = false
                } else {
                    guard rest.hasPrefix(": ") else { continue }
                    values.append((field, language, String(rest.dropFirst(2)).trimmingSpaces, []))
                    continues = field != .name
                }
                return true
            }
            // A paragraph without a label right after a description, include or exclude of a
            // language belongs to it (its text had several paragraphs).
            guard continues, !values.isEmpty, !Self.labelled(paragraph) else {
                continues = false
                return false
            }
            values[values.count - 1].text! += "\n\n" + paragraph.trimmingSpaces
            return true
        }

        private static func labelled(_ paragraph: String) -> Bool {
            ["Kind: ", "Include: ", "Exclude: ", "Examples:\n- ", "Questions:\n- ", "Code id: "].contains(where: paragraph.hasPrefix)
        }
    }

    /// The translations read, and the own texts where only languages gave them: the first
    /// language listed for each field.
    mutating func apply(_ read: LanguageParagraphs) {
        for value in read.values {
            if let key = value.field.text {
                translations[value.language, default: CodeTranslation()][keyPath: key] = value.text
            } else if let list = value.field.list {
                translations[value.language, default: CodeTranslation()][keyPath: list] = value.examples
            }
        }
        func first(_ field: LanguageField) -> (text: String?, examples: [String])? {
            read.values.first { $0.field == field }.map { ($0.text, $0.examples) }
        }
        if description == nil { description = first(.description)?.text }
        if include == nil { include = first(.include)?.text }
        if exclude == nil { exclude = first(.exclude)?.text }
        if examples.isEmpty { examples = first(.examples)?.examples ?? [] }
        if questions.isEmpty { questions = first(.questions)?.examples ?? [] }
    }
}

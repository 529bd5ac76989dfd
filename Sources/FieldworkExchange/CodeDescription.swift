import FieldworkCore
import Foundation

/// A REFI-QDA code has one free-text `Description`; a Fieldwork code also has a kind, include
/// and exclude rules and examples. They travel together in the description as labelled
/// paragraphs, which other tools show as they are (coders there need the rules too), and which
/// an import from a Fieldwork file reads back into their fields.
///
/// The code's id travels the same way (`Code id: need.safety.night`): REFI-QDA gives a code a
/// GUID and a name but no id, and a team's codebook ids must survive a trip through a project
/// (an import into an empty workspace gives the code its id back rather than one made from its name).
///
/// A codebook that gives texts per language (`name: {sv: …, en: …}`) has them travel as
/// paragraphs labelled with the language (`Name (en): Safety at home`, `Description (sv): …`;
/// `CodeDescription+Languages`), so a trip through a project keeps every translation.
struct CodeDescription: Sendable, Hashable {
    var description: String?
    var kind: CodeKind?
    var include: String?
    var exclude: String?
    var examples: [String] = []
    /// Questions for workshop handouts on the code.
    var questions: [String] = []
    var id: String?
    /// Name, description, include, exclude, examples and questions per language, where the codebook gives
    /// them so; the fields above then hold the code's own (first written) language's text.
    var translations: [String: CodeTranslation] = [:]

    private static let kindLabel = "Kind: "
    private static let includeLabel = "Include: "
    private static let excludeLabel = "Exclude: "
    private static let examplesLabel = "Examples:"
    private static let questionsLabel = "Questions:"
    private static let idLabel = "Code id: "

    init(description: String? = nil, kind: CodeKind? = nil, include: String? = nil, exclude: String? = nil,
         examples: [String] = [], id: String? = nil) {
        self.description = description
        self.kind = kind
        self.include = include
        self.exclude = exclude
        self.examples = examples
        self.id = id
    }

    /// `withKind`: false for a code whose kind is its parent's (an importer inherits it again),
    /// which keeps the descriptions other tools show free of repetition.
    init(_ code: Code, withKind: Bool = true) {
        self.init(description: code.description, kind: withKind ? code.kind : nil, include: code.include,
                  exclude: code.exclude, examples: code.examples, id: code.id)
        questions = code.questions
        translations = code.translations.filter { $0.value != CodeTranslation() }
    }

    /// The labelled text, paragraphs separated by a blank line; nil when there is nothing to say.
    var text: String? {
        var paragraphs: [String] = []
        // A text given per language travels as its languages' paragraphs instead of the plain one.
        if let given = languageParagraphs(.description) { paragraphs += given } else if let description, !description.isEmpty {
            paragraphs.append(description)
        }
        if let kind { paragraphs.append(Self.kindLabel + kind.rawValue) }
        if let given = languageParagraphs(.include) { paragraphs += given } else if let include, !include.isEmpty {
            paragraphs.append(Self.includeLabel + include)
        }
        if let given = languageParagraphs(.exclude) { paragraphs += given } else if let exclude, !exclude.isEmpty {
            paragraphs.append(Self.excludeLabel + exclude)
        }
        if let given = languageParagraphs(.examples) { paragraphs += given } else if !examples.isEmpty {
            paragraphs.append(Self.examplesLabel + examples.map { "\n- " + $0 }.joined())
        }
        // A facilitator's questions for the code's workshop handout, after what coders need.
        if let given = languageParagraphs(.questions) { paragraphs += given } else if !questions.isEmpty {
            paragraphs.append(Self.questionsLabel + questions.map { "\n- " + $0 }.joined())
        }
        // The project gives the code one name (its own language's): the others go here.
        paragraphs += languageParagraphs(.name) ?? []
        // Last: other tools show the team's words first.
        if let id { paragraphs.append(Self.idLabel + id) }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
    }

    /// Reads labelled paragraphs back; text without labels (another tool's description) is all
    /// description. An unknown kind, or an id that is no valid code id, stays in the description
    /// rather than being lost.
    init(parsing text: String) {
        var plain: [String] = []
        var languages = LanguageParagraphs()
        for paragraph in text.replacingCRLF.components(separatedBy: "\n\n") {
            if languages.read(paragraph) { continue }
            if paragraph.hasPrefix(Self.kindLabel), kind == nil,
               let kind = CodeKind(rawValue: String(paragraph.dropFirst(Self.kindLabel.count)).trimmingSpaces) {
                self.kind = kind
            } else if paragraph.hasPrefix(Self.idLabel), id == nil,
                      case let candidate = String(paragraph.dropFirst(Self.idLabel.count)).trimmingSpaces, Code.isValidID(candidate) {
                id = candidate
            } else if paragraph.hasPrefix(Self.includeLabel), include == nil {
                include = String(paragraph.dropFirst(Self.includeLabel.count)).trimmingSpaces
            } else if paragraph.hasPrefix(Self.excludeLabel), exclude == nil {
                exclude = String(paragraph.dropFirst(Self.excludeLabel.count)).trimmingSpaces
            } else if paragraph.hasPrefix(Self.examplesLabel + "\n- "), examples.isEmpty {
                examples = Self.items(paragraph.dropFirst(Self.examplesLabel.count + 3))
            } else if paragraph.hasPrefix(Self.questionsLabel + "\n- "), questions.isEmpty {
                questions = Self.items(paragraph.dropFirst(Self.questionsLabel.count + 3))
            } else {
                plain.append(paragraph)
            }
        }
        let joined = plain.joined(separator: "\n\n").trimmingSpaces
        description = joined.isEmpty ? nil : joined
        apply(languages)
    }

    /// A list paragraph's `- ` items, after its label.
    private static func items(_ text: Substring) -> [String] {
        text.components(separatedBy: "\n- ").map(\.trimmingSpaces).filter { !$0.isEmpty }
    }
}

extension String {
    var replacingCRLF: String {
        replacing("\r\n", with: "\n").replacing("\r", with: "\n")
    }
}

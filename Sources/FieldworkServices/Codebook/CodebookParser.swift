import FieldworkCore
import Yams

/// Reads the codebook YAML files into one `Codebook`, checking ids, keys, kinds and colours.
///
/// All files are read before anything is judged, so that every problem in every file is listed
/// at once (this is what `fieldwork codebook check` prints).
struct CodebookParser {
    static let codeKeys: Set<String> = [
        "id", "name", "kind", "description", "include", "exclude", "examples", "color", "children", "formerly", "questions",
    ]
    /// `language`: the study's language, which workshop handouts are written in unless their
    /// plan says otherwise (`CodebookLanguage`).
    static let fileKeys: Set<String> = ["title", "description", "version", "language", "codes"]
    /// Files in `codebooks/` that are other catalogues, not codebooks.
    static let reservedFileNames: Set<String> = ["solutions.yaml", "solutions.yml"]

    private var codes: [Code] = []
    private var firstDefinition: [String: SourceLocation] = [:]
    private(set) var problems: [SourceProblem] = []

    static func parse(_ sources: [SourceText]) throws -> Codebook {
        var parser = CodebookParser()
        for source in sources { parser.read(source) }
        parser.checkFormerly()
        guard parser.problems.isEmpty else { throw SourceProblems(parser.problems) }
        return Codebook(codes: parser.codes)
    }

    private mutating func read(_ source: SourceText) {
        var reader = YAMLReader(file: source.path)
        defer { problems += reader.problems }
        guard let root = reader.compose(source.text),
              let entries = reader.mapping(root, allowed: Self.fileKeys, what: "a codebook file") else { return }
        if let language = reader.string(entries, "language", in: root), !CodebookLanguage.isLanguage(language) {
            reader.report(entries["language"], "language '\(language)' is not a language code such as sv or en")
        }
        readCodes(entries["codes"], parent: nil, inheritedKind: nil, &reader)
    }

    private mutating func readCodes(_ node: Node?, parent: String?, inheritedKind: CodeKind?, _ reader: inout YAMLReader) {
        guard let node, !node.isNull else { return }
        guard case .sequence(let items) = node else {
            reader.report(node, "'\(parent == nil ? "codes" : "children")' must be a list of codes")
            return
        }
        for (position, item) in items.enumerated() {
            readCode(item, parent: parent, position: position, inheritedKind: inheritedKind, &reader)
        }
    }

    private mutating func readCode(
        _ node: Node, parent: String?, position: Int, inheritedKind: CodeKind?, _ reader: inout YAMLReader
    ) {
        guard let entries = reader.mapping(node, allowed: Self.codeKeys, what: "a code") else { return }
        let location = SourceLocation(file: reader.file, line: reader.line(of: node))
        guard let id = reader.string(entries, "id", in: node, required: true) else { return }
        if !Code.isValidID(id) {
            reader.report(entries["id"], "code id '\(id)' must be a lower-case slug such as need.safety.night")
        }
        if let first = firstDefinition[id] {
            reader.report(entries["id"], "duplicate code id '\(id)' (first defined at \(first))")
        } else {
            firstDefinition[id] = location
        }
        let name = reader.localizedString(entries, "name", in: node, required: true)
        let description = reader.localizedString(entries, "description", in: node)
        let include = reader.localizedString(entries, "include", in: node)
        let exclude = reader.localizedString(entries, "exclude", in: node)
        let examples = reader.localizedStrings(entries, "examples")
        let questions = reader.localizedStrings(entries, "questions")
        let kindText = reader.string(entries, "kind", in: node)
        var kind = kindText.flatMap(CodeKind.init(rawValue:)) ?? inheritedKind
        if let kindText, CodeKind(rawValue: kindText) == nil {
            reader.report(entries["kind"], "unknown kind '\(kindText)' (use: \(CodeKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            kind = .other
        } else if kind == nil {
            reader.report(node, "code '\(id)' needs a kind (or a parent with one)")
        }
        var color: String?
        if let text = reader.string(entries, "color", in: node) {
            color = Code.normalizedColor(text)
            if color == nil { reader.report(entries["color"], "colour '\(text)' is not #RRGGBB or #RGB") }
        }
        var code = Code(
            id: id, name: name.text ?? id, kind: kind ?? .other,
            description: description.text,
            include: include.text,
            exclude: exclude.text,
            examples: examples.values, color: color, parentID: parent,
            position: position, formerly: reader.strings(entries, "formerly").map(\.value), source: location,
            questions: questions.values)
        code.translations = codeTranslations(names: name.languages, descriptions: description.languages, includes: include.languages,
                                             excludes: exclude.languages, examples: examples.languages, questions: questions.languages)
        codes.append(code)
        readCodes(entries["children"], parent: id, inheritedKind: kind, &reader)
    }

    /// An old id may be claimed by one code only, and must not still be a code itself.
    private mutating func checkFormerly() {
        var claimedBy: [String: String] = [:]
        for code in codes {
            for old in code.formerly {
                let location = code.source ?? SourceLocation(file: "codebooks", line: 0)
                if firstDefinition[old] != nil {
                    problems.append(SourceProblem(location, "'\(old)' in formerly of '\(code.id)' is still a code; remove it or keep it out of formerly"))
                } else if let other = claimedBy[old] {
                    problems.append(SourceProblem(location, "'\(old)' is claimed in formerly by both '\(other)' and '\(code.id)'"))
                }
                claimedBy[old] = code.id
            }
        }
    }
}

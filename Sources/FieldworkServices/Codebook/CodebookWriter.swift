import FieldworkCore
import Yams

/// Writes codes in one canonical form: keys in a fixed order, children nested, file-level keys
/// (title, description, version) kept. Browser edits patch the existing text instead
/// (`CodebookTextPatch`, which renders its new lines here); a whole file is written this way
/// only when a patch cannot express the change, and then comments are not kept.
enum CodebookWriter {
    static func yaml(codes: [Code], in codebook: Codebook, header: [(String, String)]) throws -> String {
        var pairs: [(Node, Node)] = header.map { (Node($0.0), Node($0.1)) }
        pairs.append((Node("codes"), Node(codes.map { node(for: $0, in: codebook) })))
        return try Yams.serialize(node: Node(pairs), allowUnicode: true)
    }

    /// A code's keys in the order the writer puts them.
    static let keyOrder = ["id", "name", "kind", "description", "include", "exclude", "examples", "questions", "color", "formerly", "children"]

    static func node(for code: Code, in codebook: Codebook) -> Node {
        var pairs = keyOrder.compactMap { key in value(of: key, in: code).map { (Node(key), $0) } }
        let children = codebook.children(of: code.id)
        if !children.isEmpty { pairs.append((Node("children"), Node(children.map { node(for: $0, in: codebook) }))) }
        return Node(pairs)
    }

    /// The value the writer gives `key` of `code` (nil: the key is left out; children excluded).
    static func value(of key: String, in code: Code) -> Node? {
        switch key {
        case "id": Node(code.id)
        case "name": perLanguage(code.name, code.translations.compactMapValues(\.name), style: .flow) { Node($0) }
        case "kind": Node(code.kind.rawValue)
        case "description": code.description.map { perLanguage($0, code.translations.compactMapValues(\.description)) { Node($0) } }
        case "include": code.include.map { perLanguage($0, code.translations.compactMapValues(\.include)) { Node($0) } }
        case "exclude": code.exclude.map { perLanguage($0, code.translations.compactMapValues(\.exclude)) { Node($0) } }
        case "examples": list(code.examples, code.translations.compactMapValues(\.examples))
        case "questions": list(code.questions, code.translations.compactMapValues(\.questions))
        case "color": code.color.map { Node($0, .implicit, .doubleQuoted) }
        case "formerly": code.formerly.isEmpty ? nil : Node(code.formerly.map { Node($0) }, .implicit, .flow)
        default: nil
        }
    }

    /// A value given per language as a mapping, the code's own language first (the parser takes
    /// the first language written as the code's own text: the one whose value is `own`, any of
    /// them if several agree), then the others alphabetically; a plain value without languages.
    private static func perLanguage<Value: Equatable>(_ own: Value, _ languages: [String: Value], style: Node.Mapping.Style = .block,
                                                      _ node: (Value) -> Node) -> Node {
        guard !languages.isEmpty else { return node(own) }
        let order = languages.keys.sorted { left, right in
            let leftOwn = languages[left] == own, rightOwn = languages[right] == own
            return leftOwn != rightOwn ? leftOwn : left < right
        }
        return Node(order.map { (Node($0), node(languages[$0]!)) }, .implicit, style)
    }

    private static func list(_ own: [String], _ languages: [String: [String]]) -> Node? {
        own.isEmpty && languages.isEmpty ? nil : perLanguage(own, languages) { Node($0.map { Node($0) }) }
    }

    /// A code with its children as a one-item YAML list (`- id: ...`), indented from column 0.
    static func item(for code: Code, in codebook: Codebook) -> [String] {
        let yaml = (try? Yams.serialize(node: Node([node(for: code, in: codebook)]), allowUnicode: true)) ?? ""
        return yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The scalar file-level keys of an existing codebook file, in their order.
    static func header(of text: String) -> [(String, String)] {
        guard let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root else { return [] }
        return mapping.compactMap { key, value in
            guard let key = key.string, CodebookParser.fileKeys.contains(key), key != "codes",
                  case .scalar(let scalar) = value else { return nil }
            return (key, scalar.string)
        }
    }
}

import FieldworkCore
import Yams

/// Writes codes back to a codebook YAML file in one canonical form: keys in a fixed order,
/// children nested, file-level keys (title, description, version) kept. Comments are not
/// preserved; the form is stable, so after the first rewrite diffs show only real changes.
enum CodebookWriter {
    static func yaml(codes: [Code], in codebook: Codebook, header: [(String, String)]) throws -> String {
        var pairs: [(Node, Node)] = header.map { (Node($0.0), Node($0.1)) }
        pairs.append((Node("codes"), Node(codes.map { node(for: $0, in: codebook) })))
        return try Yams.serialize(node: Node(pairs), allowUnicode: true)
    }

    private static func node(for code: Code, in codebook: Codebook) -> Node {
        var pairs: [(Node, Node)] = [
            (Node("id"), Node(code.id)),
            (Node("name"), Node(code.name)),
            (Node("kind"), Node(code.kind.rawValue)),
        ]
        for (key, value) in [("description", code.description), ("include", code.include), ("exclude", code.exclude)] {
            if let value { pairs.append((Node(key), Node(value))) }
        }
        if !code.examples.isEmpty { pairs.append((Node("examples"), Node(code.examples.map { Node($0) }))) }
        if let color = code.color { pairs.append((Node("color"), Node(color, .implicit, .doubleQuoted))) }
        if !code.formerly.isEmpty { pairs.append((Node("formerly"), Node(code.formerly.map { Node($0) }, .implicit, .flow))) }
        let children = codebook.children(of: code.id)
        if !children.isEmpty { pairs.append((Node("children"), Node(children.map { node(for: $0, in: codebook) }))) }
        return Node(pairs)
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

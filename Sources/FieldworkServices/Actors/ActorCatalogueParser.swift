import FieldworkCore
import Yams

/// Reads `corpus/actors.yaml` the way the other workspace YAML is read: unknown keys, missing
/// fields, unknown types, duplicate ids and relations naming unknown actors are each reported
/// with file and line, all at once, and a file with any problem is refused.
struct ActorCatalogueParser {
    static let fileKeys: Set<String> = ["title", "actors", "relations"]
    static let actorKeys: Set<String> = ["id", "name", "type", "sector", "notes", "code", "administration"]
    static let relationKeys: Set<String> = ["from", "to", "type", "note"]

    /// `codebook`, when given, is used to check that each actor's `code` exists and is of kind `actor`.
    static func parse(_ source: SourceText, codebook: Codebook? = nil) throws -> ActorCatalogue {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        var catalogue = ActorCatalogue()
        let entries = reader.mapping(root, allowed: fileKeys, what: "actors.yaml") ?? [:]
        var firstLine: [String: Int] = [:]
        for item in list(entries["actors"], "actors", &reader) {
            guard let actor = parseActor(item, codebook: codebook, &reader) else { continue }
            let line = reader.line(of: item)
            if let first = firstLine[actor.id] {
                reader.report(line: line, "actor '\(actor.id)' is listed twice (first on line \(first))")
            } else {
                firstLine[actor.id] = line
                catalogue.actors.append(actor)
            }
        }
        for item in list(entries["relations"], "relations", &reader) {
            guard let relation = parseRelation(item, &reader) else { continue }
            for (key, id) in [("from", relation.from), ("to", relation.to)] where firstLine[id] == nil {
                reader.report(item, "relation '\(key)' names unknown actor '\(id)'")
            }
            catalogue.relations.append(relation)
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return catalogue
    }

    private static func list(_ node: Node?, _ key: String, _ reader: inout YAMLReader) -> [Node] {
        switch node {
        case .sequence(let items)?: return Array(items)
        case let other? where !other.isNull:
            reader.report(other, "'\(key)' must be a list")
            return []
        default: return []
        }
    }

    private static func parseActor(_ node: Node, codebook: Codebook?, _ reader: inout YAMLReader) -> Actor? {
        guard let entries = reader.mapping(node, allowed: actorKeys, what: "an actor") else { return nil }
        let id = reader.string(entries, "id", in: node, required: true)
        let name = reader.string(entries, "name", in: node, required: true)
        let kind = reader.string(entries, "type", in: node, required: true).flatMap { text -> Actor.Kind? in
            let kind = Actor.Kind(rawValue: text)
            if kind == nil {
                reader.report(entries["type"], "unknown actor type '\(text)' (use: \(Actor.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return kind
        }
        let code = reader.string(entries, "code", in: node)
        if let code, let codebook {
            if codebook[code] == nil {
                reader.report(entries["code"], "unknown code '\(code)'")
            } else if codebook[code]?.kind != .actor {
                reader.report(entries["code"], "code '\(code)' is not of kind actor")
            }
        }
        let administration = reader.string(entries, "administration", in: node).flatMap { text -> Administration? in
            let value = Administration(rawValue: text)
            if value == nil {
                reader.report(entries["administration"], "unknown administration '\(text)' (use: \(Administration.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return value
        }
        if administration != nil, let kind, kind != .administration {
            reader.report(entries["administration"], "only actors of type administration name an administration")
        }
        guard let id, let name, let kind else { return nil }
        return Actor(id: id, name: name, kind: kind, sector: reader.string(entries, "sector", in: node),
                     notes: reader.string(entries, "notes", in: node), code: code, administration: administration,
                     source: SourceLocation(file: reader.file, line: reader.line(of: node)))
    }

    private static func parseRelation(_ node: Node, _ reader: inout YAMLReader) -> DeclaredRelation? {
        guard let entries = reader.mapping(node, allowed: relationKeys, what: "a relation") else { return nil }
        let from = reader.string(entries, "from", in: node, required: true)
        let to = reader.string(entries, "to", in: node, required: true)
        let kind = reader.string(entries, "type", in: node, required: true).flatMap { text -> DeclaredRelation.Kind? in
            let kind = DeclaredRelation.Kind(rawValue: text)
            if kind == nil {
                reader.report(entries["type"], "unknown relation type '\(text)' (use: \(DeclaredRelation.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return kind
        }
        guard let from, let to, let kind else { return nil }
        return DeclaredRelation(from: from, to: to, kind: kind, note: reader.string(entries, "note", in: node))
    }
}

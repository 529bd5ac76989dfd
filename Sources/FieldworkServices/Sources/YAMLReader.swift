import FieldworkCore
import Yams

/// Reads YAML through Yams' node tree so that every problem can name its line, and collects
/// problems instead of stopping at the first (a `check` should list them all).
struct YAMLReader {
    let file: String
    /// Lines before the YAML text in its file (front matter starts on line 2).
    let lineOffset: Int
    private(set) var problems: [SourceProblem] = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `yaml`; a syntax error becomes a problem at its line.
    mutating func compose(_ yaml: String) -> Node? {
        do {
            return try Yams.compose(yaml: yaml) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            // Never Yams' own description: some cases carry the whole text (a participants
            // register printed into a terminal or log), so only line, column and problem.
            let mark = YAMLReader.mark(of: error, in: yaml)
            problems.append(SourceProblem(file: file, line: mark.map { $0.line + lineOffset } ?? 0, column: mark?.column,
                                          "not valid YAML: \(YAMLReader.problemText(of: error))"))
        } catch {
            report(line: 0, "not valid YAML")
        }
        return nil
    }

    func line(of node: Node?) -> Int {
        guard let mark = node?.mark else { return 0 }
        return mark.line + lineOffset
    }

    mutating func report(_ node: Node?, _ message: String) {
        report(line: line(of: node), message)
    }

    mutating func report(line: Int, _ message: String) {
        problems.append(SourceProblem(file: file, line: line, message))
    }

    /// The mapping's entries by key, reporting keys outside `allowed` and keys given twice.
    mutating func mapping(_ node: Node, allowed: Set<String>, what: String) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) must be a mapping of keys to values")
            return nil
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                report(keyNode, "keys must be text")
                continue
            }
            if !allowed.contains(key) {
                report(keyNode, "unknown key '\(key)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
            } else if entries[key] != nil {
                report(keyNode, "key '\(key)' is given twice in \(what)")
            } else {
                entries[key] = value
            }
        }
        return entries
    }

    /// A scalar as text; nil (and a problem if `required`) when missing, null or not a scalar.
    mutating func string(_ entries: [String: Node], _ key: String, in parent: Node, required: Bool = false) -> String? {
        guard let node = entries[key], !node.isNull else {
            if required { report(parent, "missing '\(key)'") }
            return nil
        }
        guard case .scalar(let scalar) = node else {
            report(node, "'\(key)' must be a single value")
            return nil
        }
        let text = scalar.string.trimmingSpaces
        if required, text.isEmpty { report(node, "'\(key)' is empty") }
        return text.isEmpty ? nil : text
    }

    /// A list of scalars (a single scalar counts as a list of one), with each item's line.
    mutating func strings(_ entries: [String: Node], _ key: String) -> [(value: String, line: Int)] {
        guard let node = entries[key], !node.isNull else { return [] }
        switch node {
        case .scalar(let scalar):
            return [(scalar.string, line(of: node))]
        case .sequence(let sequence):
            return sequence.compactMap { item in
                guard case .scalar(let scalar) = item else {
                    report(item, "items of '\(key)' must be single values")
                    return nil
                }
                return (scalar.string, line(of: item))
            }
        case .mapping, .alias:
            report(node, "'\(key)' must be a list")
            return []
        }
    }

    private static func mark(of error: YamlError, in yaml: String) -> (line: Int, column: Int)? {
        switch error {
        case .scanner(let context?, let problem, _, _) where problem.hasSuffix("end of stream"):
            // A quote or bracket never closed is found at the end of the text; the line to fix
            // is where it opened ("while scanning a quoted scalar"), not the last one.
            return (context.mark.line, context.mark.column)
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return (mark.line, mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return (context.mark.line, context.mark.column)
        case .reader(_, let offset?, _, _):
            // A byte offset into the text: count the lines and characters before it.
            let before = yaml.utf8.prefix(offset)
            let line = before.count { $0 == 0x0A } + 1
            let column = String(decoding: before.reversed().prefix { $0 != 0x0A }.reversed(), as: UTF8.self).count + 1
            return (line, column)
        default:
            return nil
        }
    }

    private static func problemText(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) given twice in one mapping (line and column of its first use)"
        case .reader(let problem, _, _, _):
            return problem
        case .dataCouldNotBeDecoded:
            return "the text is not UTF-8"
        default:
            return "\(type(of: error))"
        }
    }
}

extension Node {
    /// `~`, `null` or an empty value, as YAML's core schema resolves them.
    var isNull: Bool { null != nil }
}

import FieldworkCore
import Yams

/// Reads `codebooks/solutions.yaml`, the IoT solution catalogue, checking every entry the way
/// the codebook is checked: unknown keys, missing fields, duplicate ids, unknown
/// administrations and signals, each reported with file and line, all at once.
struct SolutionCatalogueParser {
    static let fileKeys: Set<String> = ["title", "description", "solutions"]
    static let solutionKeys: Set<String> = [
        "id", "name", "description", "device_types", "metrics", "cost_to_resident", "competence", "administrations", "risks",
    ]
    static let metricKeys: Set<String> = ["name", "unit", "description", "signal"]

    static func parse(_ source: SourceText) throws -> [Solution] {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        var solutions: [Solution] = []
        if let entries = reader.mapping(root, allowed: fileKeys, what: "the solution catalogue") {
            switch entries["solutions"] {
            case .sequence(let items)?:
                var firstLine: [String: Int] = [:]
                for item in items {
                    guard let solution = parseSolution(item, &reader) else { continue }
                    let line = reader.line(of: item)
                    if let first = firstLine[solution.id] {
                        reader.report(line: line, "duplicate solution id '\(solution.id)' (first on line \(first))")
                    } else {
                        firstLine[solution.id] = line
                        solutions.append(solution)
                    }
                }
            case let other?:
                reader.report(other, "'solutions' must be a list")
            case nil:
                reader.report(root, "missing 'solutions'")
            }
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return solutions
    }

    private static func parseSolution(_ node: Node, _ reader: inout YAMLReader) -> Solution? {
        guard let entries = reader.mapping(node, allowed: solutionKeys, what: "a solution") else { return nil }
        guard let id = reader.string(entries, "id", in: node, required: true) else { return nil }
        if !Code.isValidID(id) { reader.report(entries["id"], "solution id '\(id)' must be a lower-case slug such as door-sensor") }
        // Name, description, risks and device types may be given per language, as in the codebook.
        let (name, names) = reader.localizedString(entries, "name", in: node, required: true)
        let (description, descriptions) = reader.localizedString(entries, "description", in: node, required: true)
        let (risks, riskLists) = reader.localizedStrings(entries, "risks")
        let (deviceTypes, deviceLists) = reader.localizedStrings(entries, "device_types")
        let cost = reader.string(entries, "cost_to_resident", in: node, required: true)
        let competence = reader.string(entries, "competence", in: node, required: true)
        let administrations = reader.strings(entries, "administrations").compactMap { item -> Administration? in
            let value = Administration(rawValue: item.value)
            if value == nil {
                reader.report(line: item.line, "unknown administration '\(item.value)' (use: \(Administration.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return value
        }
        var metrics: [SolutionMetric] = []
        switch entries["metrics"] {
        case .sequence(let items)?:
            for item in items {
                guard let metric = parseMetric(item, &reader) else { continue }
                if metrics.contains(where: { $0.name == metric.name }) {
                    reader.report(item, "metric '\(metric.name)' is listed twice in '\(id)'")
                }
                metrics.append(metric)
            }
        case let other?:
            if !other.isNull { reader.report(other, "'metrics' must be a list") }
        case nil:
            reader.report(node, "missing 'metrics' (what data the devices produce)")
        }
        var solution = Solution(id: id, name: name ?? id, description: description ?? "",
                                deviceTypes: deviceTypes, metrics: metrics,
                                costToResident: cost ?? "", competence: competence ?? "", administrations: administrations,
                                risks: risks, source: SourceLocation(file: reader.file, line: reader.line(of: node)))
        for language in Set(names.keys).union(descriptions.keys).union(riskLists.keys).union(deviceLists.keys) {
            solution.translations[language] = SolutionTranslation(name: names[language], description: descriptions[language],
                                                                  risks: riskLists[language], deviceTypes: deviceLists[language])
        }
        return solution
    }

    private static func parseMetric(_ node: Node, _ reader: inout YAMLReader) -> SolutionMetric? {
        guard let entries = reader.mapping(node, allowed: metricKeys, what: "a metric") else { return nil }
        guard let name = reader.string(entries, "name", in: node, required: true) else { return nil }
        if !SenMLName.isValid(name) { reader.report(entries["name"], "metric name '\(name)' must use only A-Z a-z 0-9 - : . / _") }
        var signal: TelemetrySignal?
        if let text = reader.string(entries, "signal", in: node) {
            signal = TelemetrySignal(rawValue: text)
            if signal == nil {
                reader.report(entries["signal"], "unknown signal '\(text)' (use: \(TelemetrySignal.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        return SolutionMetric(name: name, unit: reader.string(entries, "unit", in: node),
                              description: reader.string(entries, "description", in: node), signal: signal)
    }
}

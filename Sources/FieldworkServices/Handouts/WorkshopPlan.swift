import FieldworkCore
import Yams

/// A short workshop plan: a title, a date and stations, each with a theme (a code id).
public struct WorkshopPlan: Sendable, Hashable {
    public struct Station: Sendable, Hashable {
        public var name: String
        public var theme: String
    }

    public var title: String
    public var date: String?
    public var stations: [Station]
}

/// Reads a workshop plan, reporting problems with file and line like the other YAML files.
enum WorkshopPlanParser {
    static func parse(_ source: SourceText) throws -> WorkshopPlan {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        let entries = reader.mapping(root, allowed: ["title", "date", "stations"], what: "a workshop plan") ?? [:]
        let title = reader.string(entries, "title", in: root, required: true) ?? ""
        let date = reader.string(entries, "date", in: root)
        if let date, !ISODate.isValid(date) { reader.report(entries["date"], "date '\(date)' is not a calendar date YYYY-MM-DD") }
        var stations: [WorkshopPlan.Station] = []
        switch entries["stations"] {
        case .sequence(let items)?:
            for item in items {
                guard let station = reader.mapping(item, allowed: ["name", "theme"], what: "a station") else { continue }
                if let name = reader.string(station, "name", in: item, required: true),
                   let theme = reader.string(station, "theme", in: item, required: true) {
                    stations.append(WorkshopPlan.Station(name: name, theme: theme))
                }
            }
        case let other?:
            reader.report(other, "'stations' must be a list")
        case nil:
            reader.report(root, "missing 'stations'")
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return WorkshopPlan(title: title, date: date, stations: stations)
    }
}

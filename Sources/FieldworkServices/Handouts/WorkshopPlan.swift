import FieldworkCore
import Yams

/// A short workshop plan: a title, a date and stations, each with a theme (a code id); the
/// language its handouts are written in, and for the pack's cover a place, a contact and an
/// agenda (by default: welcome, the stations, a summary).
public struct WorkshopPlan: Sendable, Hashable {
    public struct Station: Sendable, Hashable {
        public var name: String
        public var theme: String
        /// Quotes chosen by hand (`quotes:`, coding ids in print order) with each one's line; nil:
        /// the handout chooses.
        public var quotes: [ChosenQuote]? = nil
    }

    /// A coding id a station's `quotes:` lists, and its line in the plan (for a mistake's message).
    public struct ChosenQuote: Sendable, Hashable {
        public var id: String
        public var line: Int
    }

    /// The plan's path in the workspace, for problems found once its themes are read.
    public var file: String = ""

    public var title: String
    public var date: String?
    /// `sv` or `en`; nil: the codebook's `language`, else English.
    public var language: String?
    public var place: String?
    /// Who the residents can ask about the study and their consent (printed on the pack).
    public var contact: String?
    public var agenda: [String]
    public var stations: [Station]
}

/// Reads a workshop plan, reporting problems with file and line like the other YAML files.
enum WorkshopPlanParser {
    static func parse(_ source: SourceText) throws -> WorkshopPlan {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        let entries = reader.mapping(root, allowed: ["title", "date", "language", "place", "contact", "agenda", "stations"],
                                     what: "a workshop plan") ?? [:]
        let title = reader.string(entries, "title", in: root, required: true) ?? ""
        let date = reader.string(entries, "date", in: root)
        if let date, !ISODate.isValid(date) { reader.report(entries["date"], "date '\(date)' is not a calendar date YYYY-MM-DD") }
        let language = reader.string(entries, "language", in: root)
        if let language, !HandoutTexts.languages.contains(language) {
            reader.report(entries["language"], "language '\(language)': handouts are written in \(HandoutTexts.languages.joined(separator: " or "))")
        }
        var stations: [WorkshopPlan.Station] = []
        switch entries["stations"] {
        case .sequence(let items)?:
            for item in items {
                guard let station = reader.mapping(item, allowed: ["name", "theme", "quotes"], what: "a station") else { continue }
                if let name = reader.string(station, "name", in: item, required: true),
                   let theme = reader.string(station, "theme", in: item, required: true) {
                    let quotes = station["quotes"] == nil ? nil : reader.strings(station, "quotes").map { WorkshopPlan.ChosenQuote(id: $0.value, line: $0.line) }
                    stations.append(WorkshopPlan.Station(name: name, theme: theme, quotes: quotes))
                }
            }
        case let other?:
            reader.report(other, "'stations' must be a list")
        case nil:
            reader.report(root, "missing 'stations'")
        }
        let agenda = reader.strings(entries, "agenda").map(\.value)
        let place = reader.string(entries, "place", in: root), contact = reader.string(entries, "contact", in: root)
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        var plan = WorkshopPlan(title: title, date: date, language: language, place: place, contact: contact, agenda: agenda, stations: stations)
        plan.file = source.path
        return plan
    }
}

import FieldworkCore
import Foundation

/// Assembles handouts from a workspace: coded passages, participants (for consent and the
/// anonymous attributions), need–solution links and the solution catalogue, in the workshop's
/// language.
public struct HandoutService: Sendable {
    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    /// How a handout is asked for: `language` nil is the plan's, else the codebook's
    /// `language`, else English. `forPublication`: counts below the workspace's minimum are "< k".
    public struct Request: Sendable, Hashable {
        public var language: String?
        public var easyRead: Bool
        public var forPublication: Bool
        /// Quotes chosen by hand (coding ids or prefixes, in print order); nil: the handout
        /// chooses. A plan's station's own `quotes:` take its place.
        public var quotes: [String]?
        /// List the passages a facilitator may choose from (the handout page's choice).
        public var offersChoices = false

        public init(language: String? = nil, easyRead: Bool = false, forPublication: Bool = false, quotes: [String]? = nil) {
            self.quotes = quotes
            self.language = language
            self.easyRead = easyRead
            self.forPublication = forPublication
        }
    }

    /// The language handouts are written in: asked for, the plan's, the codebook's, English.
    public func language(asked: String?, plan: WorkshopPlan? = nil) throws -> String {
        let language = asked ?? plan?.language ?? CodebookLanguage.load(workspace) ?? "en"
        guard HandoutTexts.languages.contains(language) else { throw HandoutError.unsupportedLanguage(language) }
        return language
    }

    public func handout(codeID: String, request: Request = Request(), station: String? = nil, plan: WorkshopPlan? = nil) async throws -> Handout {
        let settings = try workspace.settings()
        let language = try language(asked: request.language, plan: plan)
        var options = HandoutBuilder.Options(
            station: station, workshop: plan?.title, language: language, easyRead: request.easyRead,
            k: settings.smallCells.k, smallCells: request.forPublication ? settings.smallCells : nil,
            chosenQuotes: request.quotes)
        options.offersChoices = request.offersChoices
        let consent = ConsentRule.today([])
        let codebook = try await store.codebook()
        guard let handout = HandoutBuilder.build(
            codeID: codeID, options: options, codebook: codebook,
            passages: try await NeedsRegisterService(store: store).passages(), participants: try await store.participants(),
            links: try await store.needLinks(needID: nil), solutions: try SolutionCatalogue.load(workspace).localized(language).solutions,
            today: consent.today, access: consent.access,
            // A handout leaves the research team: the identifiers of `corpus/redactions.yaml` are replaced.
            redactions: try workspace.redactions())
        // Said as every name that is not there is said, with the nearest codes (a typo, mostly).
        else { throw UnknownName(kind: "code", name: codeID, place: "in the codebook", known: codebook.codes.map(\.id)) }
        return handout
    }

    /// One handout per station of a workshop plan, in the plan's language. A station's chosen
    /// quote that names no passage of its theme is a mistake in the plan, refused with its line;
    /// one that today's rules leave out is in the handout's `quotesLeftOut`.
    public func handouts(plan: WorkshopPlan, request: Request = Request()) async throws -> [Handout] {
        var handouts: [Handout] = []
        var problems: [SourceProblem] = []
        for station in plan.stations {
            var asked = request
            asked.quotes = station.quotes?.map(\.id)
            let handout = try await handout(codeID: station.theme, request: asked, station: station.name, plan: plan)
            let lines = Dictionary((station.quotes ?? []).map { ($0.id, $0.line) }, uniquingKeysWith: { first, _ in first })
            for left in handout.quotesLeftOut where left.reason.isMistake {
                problems.append(SourceProblem(file: plan.file, line: lines[left.id] ?? 0,
                                              "station '\(station.name)': quote '\(left.id)': \(left.reason.english(theme: station.theme))"))
            }
            handouts.append(handout)
        }
        guard problems.isEmpty else { throw SourceProblems(problems) }
        return handouts
    }

    public func plan(at url: URL) throws -> WorkshopPlan {
        try WorkshopPlanParser.parse(SourceText.read(url, path: workspace.relativePath(of: url)))
    }

    /// The plans the browser offers: `corpus/workshops/*.yaml`, by file name without extension.
    public func planNames() -> [String] {
        let folder = workspace.corpus.appending(path: "workshops")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { ($0 as NSString).deletingPathExtension }.sorted()
    }

    /// A plan of `corpus/workshops/` by name (never a path: the name is checked against the list).
    public func plan(named name: String) throws -> WorkshopPlan? {
        guard planNames().contains(name) else { return nil }
        let folder = workspace.corpus.appending(path: "workshops")
        let file = [name + ".yaml", name + ".yml"].map { folder.appending(path: $0) }.first { FileManager.default.fileExists(atPath: $0.path) }
        return try file.map(plan(at:))
    }
}

public enum HandoutError: Error, CustomStringConvertible {
    case unsupportedLanguage(String)

    public var description: String {
        switch self {
        case .unsupportedLanguage(let language):
            "handouts are written in \(HandoutTexts.languages.joined(separator: " or ")), not '\(language)'"
        }
    }
}

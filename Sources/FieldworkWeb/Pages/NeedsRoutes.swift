import FieldworkCore
import FieldworkServices
import Hummingbird

/// The needs register and solution catalogue pages.
struct NeedsRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/needs", use: needs)
        router.get("/needs/{id}", use: need)
        router.get("/solutions", use: solutions)
    }

    private func page(_ web: WebContext, _ section: Layout.Section, title: String, body: SafeHTML) -> Response {
        Layout.response(web, section, title: title, body: body)
    }

    @Sendable func needs(_ request: Request, context web: WebContext) async throws -> Response {
        let handouts = context.handouts
        // A plan that does not parse is left out here; its own page says what is wrong.
        let packs = handouts.planNames().compactMap { name in (try? handouts.plan(named: name)).flatMap { $0 }.map { (name: name, title: $0.title) } }
        // A blind pass counts only the coder's own codings (the team's counts say what others coded).
        let blind = BlindPassPages.narrowedCoder(request, web)
        let body = NeedsPage(register: try await context.needsRegister.register(coder: blind), codebook: try await context.store.codebook().localized(web.language.rawValue),
                             catalogue: try SolutionCatalogue.load(context.workspace).localized(web.language.rawValue), packs: packs, t: Localizer(web.language)).body()
        return page(web, .needs, title: Localizer(web.language)("needs.title"), body: BlindPassPages.marked(body, narrowed: blind != nil))
    }

    @Sendable func need(_ request: Request, context web: WebContext) async throws -> Response {
        let id = try web.parameters.require("id")
        let blind = BlindPassPages.narrowedCoder(request, web)
        guard var evidence = try await context.needsRegister.evidence(needID: id, coder: blind) else { throw StoreError.notFound("need '\(id)'") }
        evidence.need = evidence.need.localized(web.language.rawValue)
        var query = TelemetrySummaryService.Query()
        query.solutions = Set(evidence.links.map(\.solutionID))
        // Only the devices of residents who raised the need; days and nights are the study's
        // (the query's time zone left to fieldwork.yaml).
        query.participants = try await context.needsRegister.evidencingResidents(needID: id)
        let telemetry = try await context.telemetrySummary.summary(query)
        var view = NeedPage(evidence: evidence, catalogue: try SolutionCatalogue.load(context.workspace).localized(web.language.rawValue), telemetry: telemetry, t: Localizer(web.language))
        view.onlyCoder = blind
        return page(web, .needs, title: evidence.need.name, body: BlindPassPages.marked(view.body(), narrowed: blind != nil))
    }

    @Sendable func solutions(_ request: Request, context web: WebContext) async throws -> Response {
        // A rejected link says nothing about which needs a solution meets: left out.
        let links = try await context.store.needLinks(needID: nil).filter { $0.status != .rejected }
        var view = SolutionsPage(catalogue: try SolutionCatalogue.load(context.workspace).localized(web.language.rawValue), needsBySolution: Dictionary(grouping: links, by: \.solutionID),
                                 codebook: try await context.store.codebook().localized(web.language.rawValue), t: Localizer(web.language))
        view.access = PageAccess(web)
        let body = view.body()
        return page(web, .solutions, title: Localizer(web.language)("solutions.title"), body: body)
    }
}

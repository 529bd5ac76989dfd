import FieldworkCore
import FieldworkServices
import Hummingbird

/// The actor map page and its SVG, drawn by Graphviz on the server.
struct ActorsRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/actors", use: page)
        router.get("/actors.svg", use: svg)
    }

    private var service: ActorMapService { context.actorMap }

    /// The filters from the query; an unknown need or administration, a bad view or number is
    /// a message, not a crash.
    private func filter(_ request: Request, _ t: Localizer, catalogue: ActorCatalogue?) async throws -> (ActorsPage.Filter, problem: String?) {
        let query = request.uri.form
        var filter = ActorsPage.Filter()
        var problem: String?
        if let need = query.get("need"), !need.isEmpty {
            if try await context.store.codebook()[need]?.kind == .need { filter.needID = need } else { problem = t("actors.notNeed", ["need": need]) }
        }
        if let id = query.get("administration"), !id.isEmpty {
            if catalogue?.actors.contains(where: { $0.id == id && $0.kind == .administration }) == true {
                filter.administrationID = id
            } else {
                problem = t("actors.notAdministration", ["administration": id])
            }
        }
        if filter.needID != nil, filter.administrationID != nil { problem = t("actors.oneFocus") }
        if let text = query.get("view"), !text.isEmpty {
            if let view = ActorsPage.View(rawValue: text) { filter.view = view } else { problem = t("actors.badView", ["view": text]) }
        }
        filter.barriers = query.get("barriers") == "1"
        if let text = query.get("min_evidence"), !text.isEmpty {
            if let value = Int(text), value >= 1 { filter.minEvidence = value } else { problem = t("actors.minEvidence") }
        }
        return (filter, problem)
    }

    /// The catalogue, or the problems in `corpus/actors.yaml` as one message.
    private func catalogue() async throws -> (ActorCatalogue?, problem: String?) {
        do { return (try await service.catalogue(), nil) } catch let error as SourceProblems { return (nil, error.description) }
    }

    @Sendable func page(_ request: Request, context web: WebContext) async throws -> Response {
        let t = Localizer(web.language)
        let (catalogue, catalogueProblem) = try await catalogue()
        let (filter, problem) = try await filter(request, t, catalogue: catalogue)
        let installed = ExternalProgram("dot") != nil
        var page = ActorsPage(codebook: try await context.store.codebook().localized(web.language.rawValue),
                              administrations: catalogue?.actors.filter { $0.kind == .administration } ?? [], filter: filter,
                              graphvizInstalled: installed, problem: problem ?? catalogueProblem, t: t)
        if page.problem == nil {
            // The map's evidence is counted as the SVG counts it, so the page can say what it left out.
            let (graph, consent) = try await service.graphWithConsent(options: Self.options(filter, web))
            page.graph = graph
            page.consent = consent
            // The page shows the key as a table below the map, so the drawing leaves it out.
            if installed, filter.view != .table {
                do {
                    // Inline, the DOT ids' titles would be the map's hover tooltips.
                    page.svg = GraphvizRenderer.withoutTitles(GraphvizRenderer.inlineSVG(try await GraphvizRenderer.svg(
                        dot: DOTWriter.write(graph, options: .init(bipartite: filter.view == .bipartite, key: false, labels: .localized(t))))))
                } catch let error as ExternalProgramError {
                    page.problem = error.description
                }
            }
        }
        var response = Layout.response(web, .actors, title: t("actors.title"), body: page.body())
        // A query the map cannot be drawn for is the request's fault, as for the SVG: the page
        // still comes, with its filters to correct it.
        if problem != nil { response.status = .badRequest }
        return response
    }

    /// The filter's map with needs and solutions named in the interface language.
    static func options(_ filter: ActorsPage.Filter, _ web: WebContext) -> ActorGraphBuilder.Options {
        var options = filter.options
        options.language = web.language.rawValue
        return options
    }

    @Sendable func svg(_ request: Request, context web: WebContext) async throws -> Response {
        let (catalogue, catalogueProblem) = try await catalogue()
        if let catalogueProblem { return text(.unprocessableContent, catalogueProblem) }
        let t = Localizer(web.language)
        let (filter, problem) = try await filter(request, t, catalogue: catalogue)
        if let problem { return text(.badRequest, problem) }
        do {
            let graph = try await service.graph(options: Self.options(filter, web))
            let svg = try await GraphvizRenderer.svg(dot: DOTWriter.write(graph, options: .init(bipartite: filter.view != .map, labels: .localized(t))))
            return Response(status: .ok, headers: [.contentType: "image/svg+xml"], body: .init(byteBuffer: ByteBuffer(bytes: svg)))
        } catch let error as ExternalProgramError {
            return text(.serviceUnavailable, error.description)
        } catch let error as SourceProblems {
            return text(.unprocessableContent, error.description)
        }
    }

    private func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}

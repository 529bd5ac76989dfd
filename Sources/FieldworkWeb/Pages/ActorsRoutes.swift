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

    private var service: ActorMapService { ActorMapService(workspace: context.workspace, store: context.store) }

    /// The filters from the query; an unknown need or a bad number is a message, not a crash.
    private func filter(_ request: Request, _ t: Localizer) async throws -> (ActorsPage.Filter, problem: String?) {
        let query = request.uri.form
        var filter = ActorsPage.Filter()
        var problem: String?
        if let need = query.get("need"), !need.isEmpty {
            if try await context.store.codebook()[need]?.kind == .need { filter.needID = need } else { problem = t("actors.notNeed", ["need": need]) }
        }
        if let text = query.get("min_evidence"), !text.isEmpty {
            if let value = Int(text), value >= 1 { filter.minEvidence = value } else { problem = t("actors.minEvidence") }
        }
        return (filter, problem)
    }

    @Sendable func page(_ request: Request, context web: WebContext) async throws -> Response {
        let (filter, problem) = try await filter(request, Localizer(web.language))
        var catalogueProblem: String?
        do { _ = try await service.catalogue() } catch let error as SourceProblems { catalogueProblem = error.description }
        // The map's evidence is counted as the SVG counts it, so the page can say what it left out.
        let consent = problem ?? catalogueProblem == nil
            ? try await service.graphWithConsent(options: .init(needID: filter.needID, minEvidence: filter.minEvidence)).consent : nil
        let body = ActorsPage(codebook: try await context.store.codebook().localized(web.language.rawValue), filter: filter,
                              graphvizInstalled: ExternalProgram("dot") != nil, problem: problem ?? catalogueProblem,
                              consent: consent, t: Localizer(web.language)).body()
        return Layout.response(web, .actors, title: Localizer(web.language)("actors.title"), body: body)
    }

    @Sendable func svg(_ request: Request, context web: WebContext) async throws -> Response {
        let (filter, problem) = try await filter(request, Localizer(web.language))
        if let problem { return text(.badRequest, problem) }
        do {
            let graph = try await service.graph(options: .init(needID: filter.needID, minEvidence: filter.minEvidence))
            let svg = try GraphvizRenderer.svg(dot: DOTWriter.write(graph))
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

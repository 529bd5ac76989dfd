import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/api/needs` (the register, one need, linking a solution) and `/api/solutions` (the catalogue).
struct NeedsAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("needs", use: list)
        group.get("needs/{id}", use: need)
        group.post("needs/{id}/links", use: link)
        group.delete("needs/{id}/links/{solution}", use: unlink)
        group.get("solutions", use: solutions)
    }

    @Sendable func list(_ request: Request, context web: WebContext) async throws -> JSONList<NeedEvidenceView> {
        JSONList(items: try await context.needsRegister.register().map(NeedEvidenceView.init))
    }

    @Sendable func need(_ request: Request, context web: WebContext) async throws -> JSONBody<NeedEvidenceView> {
        let id = try web.parameters.require("id")
        guard let evidence = try await context.needsRegister.evidence(needID: id) else { throw StoreError.notFound("need '\(id)'") }
        return JSONBody(value: NeedEvidenceView(evidence))
    }

    @Sendable func link(_ request: Request, context web: WebContext) async throws -> EditedResponse<NeedLinkJSON> {
        let body = try await request.decode(as: CreateNeedLinkRequest.self, context: web)
        let id = try web.parameters.require("id")
        do {
            let link = try await context.needLinks.link(need: id, solution: body.solution, rationale: body.rationale,
                                                        status: body.status ?? .candidate, coder: try web.actingCoder(body.coder))
            return EditedResponse(status: .created, response: NeedLinkJSON(link))
        } catch let error as NeedLinkError {
            if case .unknownNeed = error { throw APIError(.notFound, "not_found", error.description) }
            throw APIError(.unprocessableContent, "invalid", error.description)
        }
    }

    @Sendable func unlink(_ request: Request, context web: WebContext) async throws -> Response {
        do {
            // Who removes it, as for a coding or memo: the removal is a record in their codings file.
            guard let coder = try web.actingCoder(request.uri.form.get("coder")) else {
                throw APIError(.badRequest, "bad_request", "coder is required")
            }
            _ = try await context.needLinks.unlink(need: try web.parameters.require("id"), solution: try web.parameters.require("solution"),
                                                   by: coder)
            return Response(status: .noContent)
        } catch let error as NeedLinkError {
            throw APIError(.notFound, "not_found", error.description)
        }
    }

    @Sendable func solutions(_ request: Request, context web: WebContext) async throws -> JSONList<SolutionJSON> {
        var catalogue = try SolutionCatalogue.load(context.workspace)
        // `?lang=sv`: names, descriptions and risks in that language where the catalogue gives them.
        if let language = request.uri.form.get("lang"), !language.isEmpty { catalogue = catalogue.localized(language) }
        let links = try await context.store.needLinks(needID: nil)
        return JSONList(items: catalogue.solutions.map { solution in
            SolutionJSON(solution, needs: links.filter { $0.solutionID == solution.id && $0.status != .rejected }.map(\.needID))
        })
    }
}

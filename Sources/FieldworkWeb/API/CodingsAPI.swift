import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/api/codings`: list, create, change code or memo, re-attach, remove, history. A write answers
/// the coding as the list shows it (`FieldworkContext.shown`): words the consent rule withholds today
/// are not given back by an answer either.
struct CodingsAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("codings", use: list)
        group.post("codings", use: create)
        group.patch("codings/{id}", use: update)
        group.post("codings/{id}/reattach", use: reattach)
        group.post("codings/{id}/restore", use: restore)
        group.delete("codings/{id}", use: remove)
        group.get("codings/{id}/history", use: history)
    }

    @Sendable func list(_ request: Request, context web: WebContext) async throws -> JSONList<CodingJSON> {
        let query = request.uri.form
        var filter = CodingFilter(documentID: query.get("document"),
                                  coder: try await CoderFilter.coder(asked: query.get("coder"), request, web, in: context))
        if let status = query.get("status") {
            guard let parsed = CodingStatus(rawValue: status) else { throw APIError(.badRequest, "bad_request", "status must be anchored or orphaned") }
            filter.status = parsed
        }
        if let code = query.get("code") {
            filter.codeIDs = query.get("include_children") == "false" ? [code] : try await context.store.codebook().subtree(of: code)
        }
        return JSONList(items: try await context.codings.shown(filter).map(CodingJSON.init))
    }

    @Sendable func create(_ request: Request, context web: WebContext) async throws -> EditedResponse<CodingJSON> {
        let body = try await request.decode(as: CreateCodingRequest.self, context: web)
        let span = try CodingError.span(start: body.start, end: body.end)
        let coding = try await context.codings.add(document: body.document, span: span, code: body.code,
                                                   coder: try web.actingCoder(body.coder), memo: body.memo, seen: body.seen)
        return EditedResponse(status: .created, response: CodingJSON(try await context.shown(coding)))
    }

    @Sendable func update(_ request: Request, context web: WebContext) async throws -> CodingJSON {
        let body = try await request.decode(as: UpdateCodingRequest.self, context: web)
        let id = try web.parameters.require("id")
        let memo: String?? = body.memo.map { .some($0) }
        let coding = try await context.codings.update(id: id, code: body.code, memo: memo, expectedVersion: body.version,
                                                      by: try web.actingCoder(body.coder))
        return CodingJSON(try await context.shown(coding))
    }

    @Sendable func reattach(_ request: Request, context web: WebContext) async throws -> CodingJSON {
        let body = try await request.decode(as: ReattachCodingRequest.self, context: web)
        let span = try CodingError.span(start: body.start, end: body.end)
        let id = try web.parameters.require("id")
        let coding = try await context.codings.reattach(id: id, span: span, expectedVersion: body.version,
                                                        seen: body.seen, by: try web.actingCoder(body.coder))
        return CodingJSON(try await context.shown(coding))
    }

    /// Undoes a removal: the coding comes back with its id, memo and history.
    @Sendable func restore(_ request: Request, context web: WebContext) async throws -> CodingJSON {
        let body = try await request.decode(as: RestoreCodingRequest.self, context: web)
        let coding = try await context.codings.restore(id: try web.parameters.require("id"), by: try web.actingCoder(body.coder),
                                                       expectedVersion: body.version)
        return CodingJSON(try await context.shown(coding))
    }

    @Sendable func history(_ request: Request, context web: WebContext) async throws -> JSONList<CodingEventOutput> {
        let id = try web.parameters.require("id")
        let events = try await context.codings.history(id: id)
        // A removed coding is no longer in the store: its creation names who made it.
        let owner = try await context.store.coding(id: id)?.coder ?? events.first { $0.kind == .created }?.by
        try BlindPassAPI.requireOwn(codingBy: owner, request, web)
        return JSONList(items: events.map(CodingEventOutput.init))
    }

    @Sendable func remove(_ request: Request, context web: WebContext) async throws -> Response {
        let query = request.uri.form
        guard let coder = query.get("coder") else { throw APIError(.badRequest, "bad_request", "coder is required") }
        let version = try query.get("version").map { text -> Int in
            guard let number = Int(text) else { throw APIError(.badRequest, "bad_request", "version must be a number") }
            return number
        }
        try await context.codings.remove(id: try web.parameters.require("id"), by: try web.actingCoder(coder), expectedVersion: version)
        return Response(status: .noContent)
    }
}

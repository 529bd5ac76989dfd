import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/api/disagreements`: the disputed passages of the agreement report and the decisions on
/// them (accept a code into the consensus coder, dismiss it, discuss the passage).
struct AdjudicationAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("disagreements", use: list)
        group.post("disagreements/accept", use: accept)
        group.post("disagreements/dismiss", use: dismiss)
        group.post("disagreements/discussion", use: discuss)
    }

    /// The query parameters of `/api/agreement`; without `coders`, everyone but the consensus.
    @Sendable func list(_ request: Request, context web: WebContext) async throws -> JSONBody<AdjudicationJSON> {
        try BlindPassAPI.refuseComparison("The list of disagreements", request, web)
        return JSONBody(value: AdjudicationJSON(try await context.adjudication.passages(AgreementAPI.request(from: request.uri))))
    }

    @Sendable func accept(_ request: Request, context web: WebContext) async throws -> EditedResponse<CodingJSON> {
        try BlindPassAPI.refuseComparison("Adjudicating a disagreement", request, web)
        let body = try await request.decode(as: AdjudicationDecisionRequest.self, context: web)
        let coding = try await context.adjudication.accept(document: body.document, start: body.start, end: body.end,
                                                           code: body.code, by: try web.actingCoder(body.by))
        return EditedResponse(status: .created, response: CodingJSON(try await context.shown(coding)))
    }

    @Sendable func dismiss(_ request: Request, context web: WebContext) async throws -> EditedResponse<MemoJSON> {
        try BlindPassAPI.refuseComparison("Adjudicating a disagreement", request, web)
        let body = try await request.decode(as: AdjudicationDecisionRequest.self, context: web)
        let memo = try await context.adjudication.dismiss(document: body.document, start: body.start, end: body.end,
                                                          code: body.code, by: try web.actingCoder(body.by))
        return EditedResponse(status: .created, response: MemoJSON(memo))
    }

    /// 201 when the passage's discussion memo is new (as accept and dismiss answer), 200 when it
    /// was there and changed.
    @Sendable func discuss(_ request: Request, context web: WebContext) async throws -> EditedResponse<MemoJSON> {
        try BlindPassAPI.refuseComparison("Adjudicating a disagreement", request, web)
        let body = try await request.decode(as: DiscussionRequest.self, context: web)
        let memo = try await context.adjudication.discuss(document: body.document, start: body.start, end: body.end,
                                                          text: body.text, by: try web.actingCoder(body.by), version: body.version)
        return EditedResponse(status: memo.version == 1 ? .created : .ok, response: MemoJSON(memo))
    }
}

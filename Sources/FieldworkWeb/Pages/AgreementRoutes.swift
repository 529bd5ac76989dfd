import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/agreement` and `/cooccurrence`: the numbers of `/api/agreement` and `/api/cooccurrence`
/// (same service, same query parameters) as server-rendered pages.
struct AgreementRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/agreement", use: agreement)
        router.get("/cooccurrence", use: cooccurrence)
        router.get("/cooccurrence/passages", use: cooccurrencePassages)
        router.get("/disagreements", use: disagreements)
    }

    private func page(_ web: WebContext, title: String, coderScoped: Bool = false, body: String) -> Response {
        let html = Layout(csrfToken: web.session?.csrfToken ?? "").page(.agreement, title: title, coderScoped: coderScoped, body: body)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    @Sendable func agreement(_ request: Request, context web: WebContext) async throws -> Response {
        let report = try await context.agreement.agreement(AgreementAPI.request(from: request.uri))
        return page(web, title: "Agreement", body: AgreementPage(result: AgreementOutput(report)).body())
    }

    /// The query parameters of `/agreement`; without `coders`, everyone but the consensus.
    @Sendable func disagreements(_ request: Request, context web: WebContext) async throws -> Response {
        let report = try await context.adjudication.passages(AgreementAPI.request(from: request.uri))
        return page(web, title: "Disagreements", body: DisagreementsPage(report: report, codebook: try await context.store.codebook()).body())
    }

    @Sendable func cooccurrence(_ request: Request, context web: WebContext) async throws -> Response {
        let coder = request.uri.form.get("coder").flatMap { $0.isEmpty ? nil : $0 }
        let counts = CooccurrenceOutput(try await context.agreement.cooccurrence(coder: coder), coder: coder)
        return page(web, title: "Co-occurrence", coderScoped: true, body: CooccurrencePage(result: counts, codebook: try await context.store.codebook()).body())
    }

    /// The passages of one heat-map cell: `a` and `b` (codes), `coder` as on `/cooccurrence`.
    @Sendable func cooccurrencePassages(_ request: Request, context web: WebContext) async throws -> Response {
        let form = request.uri.form
        func value(_ key: String) -> String? { form.get(key).flatMap { $0.isEmpty ? nil : $0 } }
        guard let a = value("a"), let b = value("b") else { throw APIError(.badRequest, "bad_request", "a and b (two codes) are required") }
        let coder = value("coder")
        let passages = try await context.agreement.cooccurrencePassages(a, b, coder: coder)
        let body = CooccurrencePassagesPage(codeA: a, codeB: b, coder: coder, passages: passages,
                                            codebook: try await context.store.codebook()).body()
        return page(web, title: "Co-occurring passages", coderScoped: true, body: body)
    }
}

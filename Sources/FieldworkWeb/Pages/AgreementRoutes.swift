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
        router.get("/disagreements", use: disagreements)
    }

    private func page(_ web: WebContext, title: String, body: String) -> Response {
        Layout.response(web, .agreement, title: title, body: body)
    }

    @Sendable func agreement(_ request: Request, context web: WebContext) async throws -> Response {
        let report = try await context.agreement.agreement(AgreementAPI.request(from: request.uri))
        let t = Localizer(web.language)
        return page(web, title: t("agreement.title"), body: AgreementPage(result: AgreementOutput(report), t: t).body())
    }

    /// The query parameters of `/agreement`; without `coders`, everyone but the consensus.
    @Sendable func disagreements(_ request: Request, context web: WebContext) async throws -> Response {
        let report = try await context.adjudication.passages(AgreementAPI.request(from: request.uri))
        let t = Localizer(web.language)
        return page(web, title: t("disagreements.title"), body: DisagreementsPage(report: report, codebook: try await context.store.codebook().localized(web.language.rawValue), t: t).body())
    }

    @Sendable func cooccurrence(_ request: Request, context web: WebContext) async throws -> Response {
        let coder = request.uri.form.get("coder").flatMap { $0.isEmpty ? nil : $0 }
        let counts = CooccurrenceOutput(try await context.agreement.cooccurrence(coder: coder), coder: coder)
        let t = Localizer(web.language)
        return page(web, title: t("cooccurrence.title"), body: CooccurrencePage(result: counts, codebook: try await context.store.codebook().localized(web.language.rawValue), t: t).body())
    }
}

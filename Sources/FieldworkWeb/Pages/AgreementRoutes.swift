import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/agreement` and `/cooccurrence`: the numbers of `/api/agreement` and `/api/cooccurrence`
/// (same service, same query parameters) as server-rendered pages. During a blind pass the two
/// pages that compare coders say why they are not shown (`BlindPassPages`).
struct AgreementRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/agreement", use: agreement)
        router.get("/cooccurrence", use: cooccurrence)
        router.get("/cooccurrence/passages", use: cooccurrencePassages)
        router.get("/disagreements", use: disagreements)
    }

    private func page(_ web: WebContext, title: String, coderScoped: Bool = false, body: SafeHTML) -> Response {
        Layout.response(web, .agreement, title: title, coderScoped: coderScoped, body: body)
    }

    @Sendable func agreement(_ request: Request, context web: WebContext) async throws -> Response {
        let t = Localizer(web.language)
        let body = try await BlindPassPages.body(blind: BlindPassPages.isOn(request, web), title: t("agreement.title"), t: t) {
            let report = try await context.agreement.agreement(AgreementAPI.request(from: request.uri))
            let form = AgreementCodersForm(coders: try await context.store.coders(), compared: report.coders, setAside: report.setAside,
                                           action: "/agreement", t: t)
            return AgreementPage(result: AgreementOutput(report), coders: form,
                                 codebook: try await context.store.codebook().localized(web.language.rawValue), t: t).body()
        }
        return page(web, title: t("agreement.title"), body: body)
    }

    /// The query parameters of `/agreement`; without `coders`, everyone but the consensus and the coders set aside.
    @Sendable func disagreements(_ request: Request, context web: WebContext) async throws -> Response {
        let t = Localizer(web.language)
        let body = try await BlindPassPages.body(blind: BlindPassPages.isOn(request, web), title: t("disagreements.title"), t: t) {
            let report = try await context.adjudication.passages(AgreementAPI.request(from: request.uri))
            let form = AgreementCodersForm(coders: try await context.store.coders(), compared: report.coders, setAside: report.setAside,
                                           action: "/disagreements", t: t)
            var view = DisagreementsPage(report: report, codebook: try await context.store.codebook().localized(web.language.rawValue),
                                         coders: form, t: t)
            view.adjudicates = PageAccess(web).changes
            return view.body()
        }
        return page(web, title: t("disagreements.title"), body: body)
    }

    @Sendable func cooccurrence(_ request: Request, context web: WebContext) async throws -> Response {
        let coders = try await context.store.coders()
        let coder = try PageCoderQuery.coder(request, in: context, among: coders)
        let counts = CooccurrenceOutput(try await context.agreement.cooccurrence(coder: coder), coder: coder)
        let t = Localizer(web.language)
        return page(web, title: t("cooccurrence.title"), coderScoped: true,
                    body: CooccurrencePage(result: counts, codebook: try await context.store.codebook().localized(web.language.rawValue),
                                           coders: coders, t: t).body())
    }

    /// The passages of one heat-map cell: `a` and `b` (codes), `coder` as on `/cooccurrence`.
    @Sendable func cooccurrencePassages(_ request: Request, context web: WebContext) async throws -> Response {
        let form = request.uri.form
        func value(_ key: String) -> String? { form.get(key).flatMap { $0.isEmpty ? nil : $0 } }
        guard let a = value("a"), let b = value("b") else { throw APIError(.badRequest, "bad_request", "a and b (two codes) are required") }
        let coder = try await PageCoderQuery.coder(request, in: context)
        let passages = try await context.agreement.cooccurrencePassages(a, b, coder: coder)
        let t = Localizer(web.language)
        let body = CooccurrencePassagesPage(codeA: a, codeB: b, coder: coder, counted: passages.filter { $0.withheld == nil },
                                            withheld: passages.filter { $0.withheld != nil },
                                            codebook: try await context.store.codebook().localized(web.language.rawValue), t: t).body()
        return page(web, title: t("cooccurrence.passagesTitle"), coderScoped: true, body: body)
    }
}

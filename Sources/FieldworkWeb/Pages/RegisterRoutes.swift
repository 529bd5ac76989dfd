import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/register`: the policy-lab register page.
struct RegisterRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/register", use: page)
    }

    @Sendable func page(_ request: Request, context web: WebContext) async throws -> Response {
        let t = Localizer(web.language)
        var view = RegisterPage(register: try await context.policyLabRegister.register(),
                                codebook: try await context.store.codebook().localized(web.language.rawValue),
                                catalogue: try SolutionCatalogue.load(context.workspace).localized(web.language.rawValue), t: t)
        view.access = PageAccess(web)
        let body = view.body()
        return Layout.response(web, .register, title: t("register.title"), body: body)
    }
}

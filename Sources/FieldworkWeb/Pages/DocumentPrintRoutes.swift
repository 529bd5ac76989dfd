import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/documents/{id}/print`: the document with its codings, coders and memos, to print or save.
struct DocumentPrintRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/documents/{id}/print", use: page)
    }

    @Sendable func page(_ request: Request, context web: WebContext) async throws -> Response {
        let id = try web.parameters.require("id")
        guard var view = try await DocumentView.load(id, from: context.store, cache: context.documentCache) else {
            throw StoreError.notFound("document '\(id)'")
        }
        view.codebook = view.codebook.localized(web.language.rawValue)
        // As the document page: during a blind pass only the coder's own codings and memos.
        if BlindPassPages.isOn(request, web) { view.narrow(toCoder: web.coder) }
        let coder = try await PageCoderQuery.coder(request, in: context)
        let body = DocumentPrintPage(view: view, memos: view.memos, coder: coder, t: Localizer(web.language),
                                     times: StudyTimes(identifier: web.studyTimeZone)).body()
        return Layout.response(web, .documents, title: view.document.metadata.title, coderScoped: true, body: body)
    }
}

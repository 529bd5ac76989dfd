import FieldworkCore
import FieldworkServices
import Hummingbird
import Foundation

/// `/handouts/{code}`: the workshop handout as a print page, and its stylesheet. The page links
/// `/static/handout.css` and a print-button module instead of inline style or script (CSP).
struct HandoutRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/handouts/{code}", use: handout)
        router.get("/static/handout.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: HandoutStylesheet.css)))
        }
    }

    @Sendable func handout(_ request: Request, context web: WebContext) async throws -> Response {
        let code = try web.parameters.require("code")
        guard try await context.store.codebook()[code] != nil else { throw StoreError.notFound("code \(code)") }
        let handout = try await HandoutService(workspace: context.workspace, store: context.store).handout(codeID: code)
        let today = Date().formatted(.iso8601.year().month().day())
        let html = HandoutHTMLRenderer.render(handout, date: today, styling: .linked(stylesheet: "/static/handout.css", script: "/static/handout.js"))
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

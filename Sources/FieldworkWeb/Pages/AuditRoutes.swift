import FieldworkServices
import Hummingbird

/// `/audit`: the audit log, newest first, and whether its hash chain is intact.
struct AuditRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/audit", use: audit)
    }

    @Sendable func audit(_ request: Request, context web: WebContext) async throws -> Response {
        let log = context.audit
        let body = AuditPage(entries: try await log.entries(), verification: try await log.verify()).body()
        let html = Layout(csrfToken: web.session?.csrfToken ?? "").page(.audit, title: "Audit", body: body)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

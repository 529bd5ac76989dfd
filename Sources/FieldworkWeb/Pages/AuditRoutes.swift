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
        let t = Localizer(web.language)
        let zone = (try? WorkspaceSettings.load(context.workspace).timeZone) ?? WorkspaceSettings.defaultTimeZone
        let body = AuditPage(entries: try await log.entries().reversed(), verification: try await log.verify(), t: t, timeZone: zone).body()
        return Layout.response(web, .audit, title: t("audit.title"), body: body)
    }
}

import FieldworkServices
import Hummingbird

/// The `coder=` of an API request that lists codings (`/api/codings`, `/api/retrieval`,
/// `/api/cooccurrence`). A name that is no coder's answered 200 with nothing, read as "no
/// codings", where the CLI's `--coder` and `/api/agreement` refuse it: it is refused the same way
/// (`UnknownName`, 404 with the nearest names). The blind pass's rules come first and stay as
/// they are (`BlindPassAPI.coder`): another coder's name is 403; the coder's own name is known
/// even before their first coding, as the person acting.
enum CoderFilter {
    static func coder(asked: String?, _ request: Request, _ web: WebContext, in context: FieldworkContext) async throws -> String? {
        let coder = try BlindPassAPI.coder(asked: asked, request, web)
        if let asked, !asked.isEmpty { try await context.requireKnown(coder: asked) }
        return coder
    }
}

import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/static/…` (package resources), `/static/codes.css` (from the codebook) and
/// `/api/openapi.json`. All behind the session like everything else.
struct StaticRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) throws {
        let assets = try StaticAssets()
        router.get("/static/codes.css") { _, _ in
            let css = CodeColors.stylesheet(for: try await context.store.codebook())
            return Response.stylesheet(css)
        }
        router.get("/static/{name}") { _, web in
            guard let response = assets.response(for: try web.parameters.require("name")) else {
                throw APIError(.notFound, "not_found", "no such file")
            }
            return response
        }
        router.get("/api/openapi.json") { _, _ in
            guard let response = assets.response(for: "openapi.json") else { throw APIError(.notFound, "not_found", "no OpenAPI document") }
            return response
        }
    }
}

extension Response {
    /// A stylesheet made on the server (code colours, handouts, the report): linked, never inline (CSP).
    static func stylesheet(_ css: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: css)))
    }
}

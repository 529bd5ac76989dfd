import FieldworkCore
import FieldworkServices
import Hummingbird
import HummingbirdCore

/// `/matrix` (code × case) and `/matrix/passages` (one cell's passages): `CaseMatrix`, as
/// `fieldwork export matrix` counts it. Query: `rows` (participant, document, administration or
/// `attribute:KEY`), `include_children=true`, `coder`, `attribute` (repeated: participant attribute columns); the passages add `row` and `code`.
struct MatrixRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/matrix", use: matrix)
        router.get("/matrix/passages", use: passages)
    }

    private func page(_ web: WebContext, title: String, body: SafeHTML) -> Response {
        Layout.response(web, .matrix, title: title, coderScoped: true, body: body)
    }

    static func query(from uri: URI) throws -> MatrixPage.Query {
        let form = uri.form
        func value(_ key: String) -> String? { form.get(key).flatMap { $0.isEmpty ? nil : $0 } }
        var query = MatrixPage.Query()
        if let rows = value("rows") {
            guard let parsed = CaseMatrix.Rows(rawValue: rows) else {
                throw APIError(.badRequest, "bad_request", "rows must be participant, document, administration or attribute:KEY")
            }
            query.rows = parsed
        }
        query.includeChildren = value("include_children") == "true"
        query.coder = value("coder")
        query.attributes = form.getAll("attribute").filter { !$0.isEmpty }
        return query
    }

    /// Rows by an attribute no participant has (`rows=attribute:nope`) are a request the page
    /// cannot answer, 422 with the nearest keys, as the CLI refuses them; the table said every
    /// coding counts for no row.
    static func answerable<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as UnknownName {
            throw APIError(.unprocessableContent, "invalid", error.description)
        }
    }

    @Sendable func matrix(_ request: Request, context web: WebContext) async throws -> Response {
        let query = try Self.query(from: request.uri)
        let coders = try await context.store.coders()
        _ = try PageCoderQuery.coder(request, in: context, among: coders)
        let matrix = context.caseMatrix
        let table = try await Self.answerable { try await matrix.table(rows: query.rows, includeChildren: query.includeChildren, coder: query.coder) }
        let t = Localizer(web.language)
        let body = MatrixPage(table: table, query: query, codebook: try await context.store.codebook().localized(web.language.rawValue),
                              attributeKeys: try await matrix.attributeKeys(), coders: coders, t: t).body()
        return page(web, title: t("matrix.title"), body: body)
    }

    @Sendable func passages(_ request: Request, context web: WebContext) async throws -> Response {
        let query = try Self.query(from: request.uri)
        _ = try await PageCoderQuery.coder(request, in: context)
        let form = request.uri.form
        guard let row = form.get("row"), !row.isEmpty, let code = form.get("code"), !code.isEmpty else {
            throw APIError(.badRequest, "bad_request", "row and code are required")
        }
        let items = try await Self.answerable {
            try await context.caseMatrix.passages(rows: query.rows, row: row, code: code, includeChildren: query.includeChildren, coder: query.coder)
        }
        let t = Localizer(web.language)
        let body = MatrixPassagesPage(query: query, row: row, code: code, items: items,
                                      codebook: try await context.store.codebook().localized(web.language.rawValue), t: t).body()
        return page(web, title: t("matrix.passagesTitle"), body: body)
    }
}

import FieldworkCore
import FieldworkServices
import Hummingbird

/// The HTML pages. Each is rendered on the server from the same services the API uses.
struct PageRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/", use: documents)
        router.get("/documents/{id}", use: document)
        router.get("/codebook", use: codebook)
        router.get("/retrieval", use: retrieval)
        router.get("/search", use: search)
        router.get("/orphans", use: orphans)
    }

    private func page(_ web: WebContext, _ section: Layout.Section, title: String, query: String = "", coderScoped: Bool = false,
                      body: String) -> Response {
        let html = Layout(csrfToken: web.session?.csrfToken ?? "").page(section, title: title, query: query, coderScoped: coderScoped, body: body)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    @Sendable func documents(_ request: Request, context web: WebContext) async throws -> Response {
        let query = request.uri.form
        func value(_ key: String) -> String? { query.get(key).flatMap { $0.isEmpty ? nil : $0 } }
        let filter = DocumentsPage.Filter(type: value("type"), language: value("language"),
                                          administration: value("administration"), text: value("text"))
        let entries = try await DocumentListing(store: context.store).summaries()
        return page(web, .documents, title: "Documents", body: DocumentsPage(entries: entries, filter: filter).body())
    }

    @Sendable func document(_ request: Request, context web: WebContext) async throws -> Response {
        let id = try web.parameters.require("id")
        guard let view = try await DocumentView.load(id, from: context.store) else { throw StoreError.notFound("document \(id)") }
        let reattaching = request.uri.form.get("reattach").flatMap { wanted in view.codings.first { $0.id == wanted } }
        let memos = try await context.memos.list(target: .document, targetID: id)
        let body = DocumentPage(view: view, memos: memos, reattaching: reattaching).body()
        return page(web, .documents, title: view.document.metadata.title, body: body)
    }

    @Sendable func codebook(_ request: Request, context web: WebContext) async throws -> Response {
        let counts = try await context.store.codingCountsByCode()
        let body = CodebookPage(codebook: try await context.store.codebook(), counts: counts).body()
        return page(web, .codebook, title: "Codebook", body: body)
    }

    @Sendable func retrieval(_ request: Request, context web: WebContext) async throws -> Response {
        let parameters = request.uri.form
        var query: [String: String] = [:]
        for key in ["code", "coder", "administration", "type", "attribute", "include_children"] {
            if let value = parameters.get(key), !value.isEmpty { query[key] = value }
        }
        let items = query["code"] == nil ? nil : try await context.retrieval.retrieve(try RetrievalAPI.filter(from: request.uri)).items
        let coders = try await context.store.coders()
        let body = RetrievalPage(codebook: try await context.store.codebook(), query: query, items: items, coders: coders).body()
        return page(web, .retrieval, title: "Retrieval", coderScoped: true, body: body)
    }

    @Sendable func search(_ request: Request, context web: WebContext) async throws -> Response {
        let text = request.uri.form.get("q") ?? ""
        let result = text.isEmpty ? nil : try await context.search.search(SearchQuery(text))
        let body = SearchPage(query: text, hits: result?.hits ?? [], withheld: result?.withheld ?? WithheldCount()).body()
        return page(web, .search, title: "Search", query: text, body: body)
    }

    @Sendable func orphans(_ request: Request, context web: WebContext) async throws -> Response {
        let coder = request.uri.form.get("coder").flatMap { $0.isEmpty ? nil : $0 }
        let orphans = try await context.store.codings(CodingFilter(coder: coder, status: .orphaned))
        let titles = Dictionary(uniqueKeysWithValues: try await context.store.documents().map { ($0.metadata.id, $0.metadata.title) })
        let body = OrphansPage(orphans: orphans, codebook: try await context.store.codebook(), titles: titles, coder: coder).body()
        return page(web, .orphans, title: "Orphaned codings", coderScoped: true, body: body)
    }
}

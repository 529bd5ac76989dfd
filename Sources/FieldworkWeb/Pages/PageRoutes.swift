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
        router.get("/memos", use: memos)
    }

    private func page(_ web: WebContext, _ section: Layout.Section, title: String, query: String = "", coderScoped: Bool = false,
                      body: SafeHTML) -> Response {
        Layout.response(web, section, title: title, query: query, coderScoped: coderScoped, body: body)
    }

    private func page(_ web: WebContext, _ section: Layout.Section, title: String, parts: [SafeHTML]) -> Response {
        Layout.response(web, section, title: title, parts: parts)
    }

    @Sendable func documents(_ request: Request, context web: WebContext) async throws -> Response {
        let query = request.uri.form
        func value(_ key: String) -> String? { query.get(key).flatMap { $0.isEmpty ? nil : $0 } }
        let filter = DocumentListing.Filter(type: value("type"), language: value("language"),
                                            administration: value("administration"), text: value("text"))
        // `?page=N` (from 1): the list is paged, so it costs one page, not the corpus.
        let number = PagerNav.number(query.get("page"))
        let size = DocumentsPage.pageSize
        let listing = try await context.documentListing.page(filter, offset: (number - 1) * size, limit: size)
        let t = Localizer(web.language)
        var view = DocumentsPage(listing: listing, filter: filter, t: t)
        view.access = PageAccess(web)
        let body = view.body()
        return page(web, .documents, title: t("documents.title"), body: body)
    }

    @Sendable func document(_ request: Request, context web: WebContext) async throws -> Response {
        let id = try web.parameters.require("id")
        var timing = ServerTiming()
        guard var view = try await timing.measure("store", { try await DocumentView.load(id, from: context.store, cache: context.documentCache) }) else {
            throw StoreError.notFound("document '\(id)'")
        }
        // A blind pass: only the coder's own codings reach the page (blind.js hid the others',
        // but they were in it, names and all).
        if BlindPassPages.isOn(request, web) { view.narrow(toCoder: web.coder) }
        view.codebook = view.revisions.map { context.documentCache.localizedCodebook(view.codebook, revision: $0.codebook, language: web.language.rawValue) }
            ?? view.codebook.localized(web.language.rawValue)
        let reattaching = request.uri.form.get("reattach").flatMap { wanted in view.codings.first { $0.id == wanted } }
        // The participants the open read include everyone the front matter names.
        let recording = view.document.metadata.media == nil ? DocumentRecording.none
            : DocumentRecording.of(view.document, workspace: context.workspace, participants: view.participants)
        var response = await timing.measure("render") {
            page(web, .documents, title: view.document.metadata.title,
                 parts: DocumentPage(view: view, memos: view.memos, reattaching: reattaching, recording: recording, t: Localizer(web.language),
                              timeZone: web.studyTimeZone).parts())
        }
        timing.apply(to: &response)
        return response
    }

    @Sendable func codebook(_ request: Request, context web: WebContext) async throws -> Response {
        let counts = try await context.store.codingCountsByCode()
        let codebook = try await context.shownCodebook.codebook().localized(web.language.rawValue)
        // A code's count includes the codings of every code below it.
        let totals = Dictionary(codebook.codes.map { code in
            (code.id, codebook.subtree(of: code.id).reduce(0) { $0 + (counts[$1] ?? 0) })
        }, uniquingKeysWith: { first, _ in first })
        let t = Localizer(web.language)
        var view = CodebookPage(codebook: codebook, totals: totals, t: t)
        view.access = PageAccess(web)
        let body = view.body()
        return page(web, .codebook, title: t("codebook.title"), body: body)
    }

    @Sendable func retrieval(_ request: Request, context web: WebContext) async throws -> Response {
        let coders = try await context.store.coders()
        _ = try PageCoderQuery.coder(request, in: context, among: coders)
        let parameters = request.uri.form
        var query: [String: String] = [:]
        for key in ["code", "coder", "administration", "type", "attribute", "include_children"] {
            if let value = parameters.get(key), !value.isEmpty { query[key] = value }
        }
        let items = query["code"] == nil ? nil : try await context.retrieval.retrieve(try RetrievalAPI.filter(from: request.uri)).items
        let t = Localizer(web.language)
        let codebook = try await context.store.codebook().localized(web.language.rawValue)
        var view = RetrievalPage(codebook: codebook, query: query, items: items, coders: coders, t: t)
        view.moreCodes = Array(parameters.getAll("code").filter { !$0.isEmpty }.dropFirst())
        // One code: its memos beside its passages, where they are written (they had no page).
        if let code = query["code"], view.moreCodes.isEmpty, codebook[code] != nil {
            let memos = BlindPassPages.memos(try await context.memos.list(target: .code, targetID: code), request, web)
            view.memos = MemoListRenderer(memos: memos, target: .code, targetID: code,
                                          t: t, timeZone: web.studyTimeZone, titleKey: "memos.codeTitle")
        }
        // Values of people whose details may be shown (consent, access), without loading the register (it grows with the corpus).
        view.attributes = try await context.attributeChoices.choices()
        let body = view.body()
        return page(web, .retrieval, title: t("retrieval.title"), coderScoped: true, body: body)
    }

    @Sendable func search(_ request: Request, context web: WebContext) async throws -> Response {
        let text = request.uri.form.get("q") ?? ""
        // `?page=N` (from 1), 50 a page: a page ranks its window, not every match (see SearchQuery).
        let number = PagerNav.number(request.uri.form.get("page"), last: SearchPage.lastPage)
        let size = SearchPage.pageSize
        let search = SearchQuery(text, limit: size, offset: (number - 1) * size)
        let result = search.isEmpty ? nil : try await context.search.search(search)
        let t = Localizer(web.language)
        let asked = request.uri.form.get("page").flatMap { Int($0) }.flatMap { $0 > number ? $0 : nil }
        let body = SearchPage(query: text, hasWords: !search.isEmpty, hits: result?.hits ?? [], withheld: result?.withheld ?? WithheldCount(),
                              number: number, offset: search.offset, more: result?.more ?? false, asked: asked, t: t).body()
        return page(web, .search, title: t("search.title"), query: text, body: body)
    }

    @Sendable func orphans(_ request: Request, context web: WebContext) async throws -> Response {
        let coder = try await PageCoderQuery.coder(request, in: context)
        // Through the coding service: as shown today, the consent rule applied (an orphan's words
        // beside withheld words are withheld too).
        let orphans = try await context.codings.list(CodingFilter(coder: coder, status: .orphaned))
        let titles = Dictionary(uniqueKeysWithValues: try await context.store.documents().map { ($0.metadata.id, $0.metadata.title) })
        let t = Localizer(web.language)
        let body = OrphansPage(orphans: orphans, codebook: try await context.store.codebook().localized(web.language.rawValue), titles: titles, coder: coder, t: t).body()
        return page(web, .orphans, title: t("orphans.title"), coderScoped: true, body: body)
    }

    @Sendable func memos(_ request: Request, context web: WebContext) async throws -> Response {
        let visible = try await context.memos.visible()
        let titles = Dictionary(try await context.store.documents().map { ($0.metadata.id, $0.metadata.title) }, uniquingKeysWith: { first, _ in first })
        let t = Localizer(web.language)
        let blind = BlindPassPages.isOn(request, web)
        let body = MemosPage(memos: BlindPassPages.memos(visible.memos, request, web), withheld: visible.withheld, codebook: try await context.store.codebook().localized(web.language.rawValue),
                             titles: titles, timeZone: web.studyTimeZone, t: t, blind: blind).body()
        // Marked so that blind.js asks for it again when the pass is turned on or off meanwhile.
        return page(web, .memos, title: t("memos.page.title"), body: BlindPassPages.marked(body, narrowed: blind))
    }
}

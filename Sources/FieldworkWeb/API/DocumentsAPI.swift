import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

/// `/api/documents`, `/api/search`, `/api/status`: reading the corpus.
struct DocumentsAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("documents", use: list)
        group.get("documents/{id}", use: document)
        group.get("documents/{id}/changes", use: changes)
        group.get("search", use: search)
        group.get("status", use: status)
    }

    static let defaultLimit = 1000, maximumLimit = 1000

    /// One page (`limit`, default and at most 1,000; `offset`, default 0), filtered like the
    /// documents page (`type`, `language`, `administration`, `text`); when more follow, a
    /// `Link: <…offset=N…>; rel="next"` header points at the next page (as `/api/retrieval` does).
    @Sendable func list(_ request: Request, context web: WebContext) async throws -> Response {
        let query = request.uri.queryParameters
        func value(_ key: String) -> String? { query.get(key).flatMap { $0.isEmpty ? nil : String($0) } }
        let paging = try APIPaging(request.uri, defaultLimit: Self.defaultLimit, maximumLimit: Self.maximumLimit)
        let filter = DocumentListing.Filter(type: value("type"), language: value("language"),
                                            administration: value("administration"), text: value("text"))
        let page = try await context.documentListing.page(filter, offset: paging.offset, limit: paging.limit)
        var response = try JSONList(items: page.entries.map { DocumentSummaryJSON($0.summary, codedShare: $0.codedShare) })
            .response(from: request, context: web)
        paging.link(&response, path: "/api/documents", uri: request.uri, count: page.entries.count, more: page.more)
        return response
    }

    @Sendable func document(_ request: Request, context web: WebContext) async throws -> Response {
        let id = try web.parameters.require("id")
        var timing = ServerTiming()
        // The JSON holds text and segments: the codings (`/api/codings?document=`) are not read.
        guard let view = try await timing.measure("store", {
            try await DocumentView.load(id, from: context.store, codings: false, cache: context.documentCache)
        }) else { throw StoreError.notFound("document '\(id)'") }
        var response = try await timing.measure("render") { Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                                                                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: try Self.json(view, web)))) }
        timing.apply(to: &response)
        return response
    }

    /// The document's JSON. It changes only with the stamp and the segments withheld (today's
    /// consent), so it is encoded once per both and kept with the document's content.
    private static func json(_ view: DocumentView, _ web: WebContext) throws -> Data {
        let withheld = "withheld:" + view.withheld.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ",")
        if let cache = view.cache, let kept = cache.store.encoded(view.document.metadata.id, cache.stamp, key: withheld) { return kept }
        let data = try web.responseEncoder.encode(DocumentJSON(view))
        if let cache = view.cache { cache.store.keepEncoded(view.document.metadata.id, cache.stamp, key: withheld, data) }
        return data
    }

    /// The document's activity fingerprint, polled by the open page (live refresh).
    @Sendable func changes(_ request: Request, context web: WebContext) async throws -> DocumentChangesJSON {
        let id = try web.parameters.require("id")
        guard let activity = try await DocumentActivity.load(id, from: context.store, memos: context.memos) else {
            throw StoreError.notFound("document '\(id)'")
        }
        return DocumentChangesJSON(document: activity.documentID, revision: activity.revision, codings: activity.codings, stamp: activity.stamp)
    }

    static let searchDefaultLimit = 50, searchMaximumLimit = 200, searchMaximumOffset = SearchQuery.maximumOffset

    /// One page of ranked hits (`limit`, default 50, at most 200; `offset` at most 10,000: ranking
    /// costs the window, and a page deep down costs what it skips); a `Link: rel="next"` header
    /// when the ranking goes on. Hits the consent rule withholds are left out of their page.
    @Sendable func search(_ request: Request, context web: WebContext) async throws -> Response {
        let paging = try APIPaging(request.uri, defaultLimit: Self.searchDefaultLimit, maximumLimit: Self.searchMaximumLimit)
        guard paging.offset <= Self.searchMaximumOffset else {
            throw APIError(.badRequest, "bad_request", "offset must be at most \(Self.searchMaximumOffset)")
        }
        let query = SearchQuery(request.uri.form.get("q") ?? "", limit: paging.limit, offset: paging.offset)
        let result = try await context.search.search(query)
        var response = try JSONList(items: result.hits.map(SearchHitView.init)).response(from: request, context: web)
        paging.link(&response, path: "/api/search", uri: request.uri, count: paging.limit, more: result.more)
        return response
    }

    @Sendable func status(_ request: Request, context web: WebContext) async throws -> StatusJSON {
        StatusJSON(counts: try await context.store.counts())
    }
}

struct DocumentChangesJSON: ResponseEncodable {
    let document: String
    let revision: Int
    let codings: Int
    let stamp: String
}

struct StatusJSON: ResponseEncodable {
    let counts: WorkspaceCounts
}

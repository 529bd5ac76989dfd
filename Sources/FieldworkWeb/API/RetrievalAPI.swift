import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `/api/retrieval` (JSON) and `/api/retrieval.csv`: everything coded with a code, filtered.
struct RetrievalAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("retrieval", use: list)
        group.get("retrieval.csv", use: csv)
    }

    static func filter(from uri: URI) throws -> RetrievalService.Filter {
        let query = uri.form
        // `code` may repeat (`code=a&code=b`): passages coded with any of them.
        let codes = query.getAll("code").filter { !$0.isEmpty }
        guard let code = codes.first else { throw APIError(.badRequest, "bad_request", "code is required") }
        var filter = RetrievalService.Filter(code: code)
        filter.moreCodes = Array(codes.dropFirst())
        filter.includeChildren = query.get("include_children") != "false"
        filter.coder = query.get("coder").flatMap { $0.isEmpty ? nil : $0 }
        if let text = query.get("administration"), !text.isEmpty {
            guard let administration = Administration(rawValue: text) else { throw APIError(.badRequest, "bad_request", "unknown administration '\(text)'") }
            filter.administration = administration
        }
        if let text = query.get("type"), !text.isEmpty {
            guard let type = DocumentType(rawValue: text) else { throw APIError(.badRequest, "bad_request", "unknown document type '\(text)'") }
            filter.documentType = type
        }
        if let text = query.get("attribute"), !text.isEmpty {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw APIError(.badRequest, "bad_request", "attribute must be key=value") }
            filter.attribute = (parts[0], parts[1])
        }
        return filter
    }

    /// The API's filter: during a blind pass only the coder's own passages; a coder named who is
    /// no coder refused (`CoderFilter`).
    func filter(from request: Request, _ web: WebContext) async throws -> RetrievalService.Filter {
        var filter = try Self.filter(from: request.uri)
        filter.coder = try await CoderFilter.coder(asked: filter.coder, request, web, in: context)
        return filter
    }

    static let defaultLimit = 200, maximumLimit = 1000

    /// One page (`limit`, default 200, at most 1,000; `offset`, default 0); when more follow,
    /// a `Link: <…offset=N…>; rel="next"` header points at the next page.
    @Sendable func list(_ request: Request, context web: WebContext) async throws -> Response {
        var filter = try await self.filter(from: request, web)
        let paging = try APIPaging(request.uri, defaultLimit: Self.defaultLimit, maximumLimit: Self.maximumLimit)
        filter.offset = paging.offset
        filter.limit = paging.limit
        let page = try await context.retrieval.retrieve(filter)
        var response = try JSONList(items: page.items.map(RetrievalItemJSON.init)).response(from: request, context: web)
        paging.link(&response, path: "/api/retrieval", uri: request.uri, count: page.items.count, more: page.more)
        return response
    }

    @Sendable func csv(_ request: Request, context web: WebContext) async throws -> Response {
        let filter = try await self.filter(from: request, web)
        let items = try await context.retrieval.retrieve(filter).items
        var writer = CSVWriter(header: ["coding_id", "document", "document_type", "document_title", "speaker", "participants",
                                        "code", "coder", "start", "end", "context_before", "quote", "context_after", "memo"])
        var withheld = WithheldCount()
        items.compactMap(\.withheld).forEach { withheld.add($0) }
        // An export leaves withheld passages out entirely.
        for item in items where item.withheld == nil {
            writer.append([item.coding.id, item.document.id, item.document.type.rawValue, item.document.title,
                           item.speaker ?? "", item.participants.joined(separator: ";"), item.coding.codeID, item.coding.coder,
                           String(item.coding.start), String(item.coding.end), item.contextBefore, item.coding.quote,
                           item.contextAfter, item.coding.memo ?? ""])
        }
        // A download leaves the team like any export: it carries the replacements of corpus/redactions.yaml.
        let (text, redacted) = try context.workspace.redactions().apply(writer.text)
        try await context.recordExport("retrieval-csv", to: nil, counts: ["rows": items.count - withheld.total, "redactions": redacted],
                                       consent: withheld, metadata: ["file": "download", "code": filter.code])
        let name = "retrieval-\(filter.code).csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

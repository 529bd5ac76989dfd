import FieldworkCore
import FieldworkServices
import Foundation
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
        guard let code = query.get("code"), !code.isEmpty else { throw APIError(.badRequest, "bad_request", "code is required") }
        var filter = RetrievalService.Filter(code: code)
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

    @Sendable func list(_ request: Request, context web: WebContext) async throws -> JSONList<RetrievalItemJSON> {
        let items = try await context.retrieval.retrieve(try Self.filter(from: request.uri))
        return JSONList(items: items.map(RetrievalItemJSON.init))
    }

    @Sendable func csv(_ request: Request, context web: WebContext) async throws -> Response {
        let filter = try Self.filter(from: request.uri)
        let items = try await context.retrieval.retrieve(filter)
        var writer = CSVWriter(header: ["coding_id", "document", "document_type", "document_title", "speaker", "participants",
                                        "code", "coder", "start", "end", "context_before", "quote", "context_after", "memo"])
        for item in items {
            writer.append([item.coding.id, item.document.id, item.document.type.rawValue, item.document.title,
                           item.speaker ?? "", item.participants.joined(separator: ";"), item.coding.codeID, item.coding.coder,
                           String(item.coding.start), String(item.coding.end), item.contextBefore, item.coding.quote,
                           item.contextAfter, item.coding.memo ?? ""])
        }
        let name = "retrieval-\(filter.code).csv"
        return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                               .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(string: writer.text)))
    }
}

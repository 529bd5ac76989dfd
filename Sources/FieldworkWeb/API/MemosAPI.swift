import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/api/memos`: analytic memos on the project, a document or a code.
struct MemosAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("memos", use: list)
        group.post("memos", use: create)
        group.patch("memos/{id}", use: update)
        group.delete("memos/{id}", use: remove)
    }

    @Sendable func list(_ request: Request, context web: WebContext) async throws -> JSONList<MemoJSON> {
        let query = request.uri.form
        let target = try query.get("target").map { text -> Memo.Target in
            guard let target = Memo.Target(rawValue: text) else { throw APIError(.badRequest, "bad_request", "target must be project, document or code") }
            return target
        }
        let memos = try await context.memos.list(target: target, targetID: query.get("target_id"))
        return JSONList(items: BlindPassPages.memos(memos, request, web).map(MemoJSON.init))
    }

    @Sendable func create(_ request: Request, context web: WebContext) async throws -> EditedResponse<MemoJSON> {
        let body = try await request.decode(as: CreateMemoRequest.self, context: web)
        let memo = try await context.memos.add(target: body.target, targetID: body.targetId ?? "", author: try web.actingCoder(body.author), text: body.text)
        return EditedResponse(status: .created, response: MemoJSON(memo))
    }

    @Sendable func update(_ request: Request, context web: WebContext) async throws -> MemoJSON {
        let body = try await request.decode(as: UpdateMemoRequest.self, context: web)
        return MemoJSON(try await context.memos.update(id: try web.parameters.require("id"), text: body.text, expectedVersion: body.version))
    }

    @Sendable func remove(_ request: Request, context web: WebContext) async throws -> Response {
        let query = request.uri.form
        guard let author = query.get("author") else { throw APIError(.badRequest, "bad_request", "author is required") }
        try await context.memos.remove(id: try web.parameters.require("id"), by: try web.actingCoder(author), expectedVersion: query.get("version").flatMap { Int($0) })
        return Response(status: .noContent)
    }
}

import FieldworkCore
import FieldworkServices
import Hummingbird

/// `/api/codebook`: the tree with counts; adding, renaming, moving, deleting and merging codes
/// (written to YAML).
struct CodebookAPI {
    let context: FieldworkContext
    private var editor: CodebookEditor { context.codebookEditor }

    func register(on group: RouterGroup<WebContext>) {
        group.get("codebook", use: list)
        group.post("codebook/codes", use: create)
        group.patch("codebook/codes/{id}", use: update)
        group.delete("codebook/codes/{id}", use: remove)
        group.post("codebook/codes/{id}/merge", use: merge)
    }

    /// `?lang=sv`: names, descriptions and examples in that language where the codebook gives them.
    @Sendable func list(_ request: Request, context web: WebContext) async throws -> JSONList<CodeJSON> {
        var codebook = try await context.shownCodebook.codebook()
        if let language = request.uri.form.get("lang"), !language.isEmpty {
            codebook = codebook.localized(language)
            // The marker standing for a withheld example in that language too, as the codebook
            // page says it: the Swedish code picker found it under "withheld" only.
            if let interface = InterfaceLanguage(rawValue: language) {
                let t = Localizer(interface)
                codebook = Codebook(codes: codebook.codes.map { code in
                    var code = code
                    code.examples = code.examples.map { text in
                        ConsentRule.Reason.allCases.first { $0.marker == text }.map(t.withheld) ?? text
                    }
                    return code
                })
            }
        }
        let counts = try await context.store.codingCountsByCode()
        return JSONList(items: codebook.codes.map { CodeJSON($0, codings: counts[$0.id] ?? 0) })
    }

    @Sendable func create(_ request: Request, context web: WebContext) async throws -> EditedResponse<CodeJSON> {
        let body = try await request.decode(as: CreateCodeRequest.self, context: web)
        let codebook = try await context.store.codebook()
        let kind = body.kind ?? body.parent.flatMap { codebook[$0]?.kind } ?? .theme
        var color: String?
        if let text = body.color {
            guard let normalized = Code.normalizedColor(text) else { throw CodebookEditError.invalidColor(text) }
            color = normalized
        }
        let code = try await editor.add(Code(id: body.id.trimmingSpaces, name: body.name.trimmingSpaces, kind: kind,
                                             description: body.description, color: color, parentID: body.parent))
        try await context.record(.codebook, ["operation": "add", "code": code.id])
        return EditedResponse(status: .created, response: CodeJSON(code, codings: 0))
    }

    @Sendable func update(_ request: Request, context web: WebContext) async throws -> CodeJSON {
        let body = try await request.decode(as: UpdateCodeRequest.self, context: web)
        let id = try web.parameters.require("id")
        var parent: String??
        if body.moveToTop == true { parent = .some(nil) } else if let target = body.parent { parent = .some(target) }
        if let language = body.language, !CodebookLanguage.isLanguage(language) {
            throw APIError(.badRequest, "bad_request", "language must be a language code such as sv or en")
        }
        let change = CodebookEditor.CodeChange(name: body.name, kind: body.kind, description: body.description,
                                               include: body.include, exclude: body.exclude, color: body.color, parent: parent,
                                               language: body.language)
        let code = try await editor.update(id: id, change)
        let fields = [("name", body.name != nil), ("kind", body.kind != nil), ("description", body.description != nil),
                      ("include", body.include != nil), ("exclude", body.exclude != nil), ("color", body.color != nil),
                      ("parent", parent != nil)].filter(\.1).map(\.0)
        try await context.record(.codebook, ["operation": parent != nil ? "move" : "change", "code": id,
                                             "fields": fields.joined(separator: ",")])
        let count = try await context.store.codings(CodingFilter(codeIDs: [id])).count
        return CodeJSON(try await context.shownCodebook.shown(code), codings: count)
    }

    /// Deletes a code nothing is coded with and nothing sits below (422 otherwise).
    @Sendable func remove(_ request: Request, context web: WebContext) async throws -> Response {
        let id = try web.parameters.require("id")
        try await editor.remove(id: id)
        try await context.record(.codebook, ["operation": "delete", "code": id])
        return Response(status: .noContent)
    }

    /// Merges the code into `into`: its codings move there (`formerly` in the YAML).
    @Sendable func merge(_ request: Request, context web: WebContext) async throws -> MergedOutput<CodeJSON, MergeOutcomeJSON> {
        let body = try await request.decode(as: MergeCodeRequest.self, context: web)
        let id = try web.parameters.require("id")
        let merged = try await editor.merge(id: id, into: body.into.trimmingSpaces)
        try await context.record(.codebook, ["operation": "merge", "code": id, "into": merged.code.id,
                                             "duplicates_removed": String(merged.duplicatesRemoved.count), "memos_moved": String(merged.memosMoved)])
        let count = try await context.store.codings(CodingFilter(codeIDs: [merged.code.id])).count
        return MergedOutput(CodeJSON(try await context.shownCodebook.shown(merged.code), codings: count), MergeOutcomeJSON(merged))
    }
}

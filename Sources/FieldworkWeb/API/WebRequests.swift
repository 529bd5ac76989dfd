import FieldworkCore

// Request bodies of the web API (snake_case on the wire).

/// `revision` and `quote`: the document revision the page showed and the words selected
/// (optional; with them, a span chosen on an outdated page is refused instead of misplaced).
struct CreateCodingRequest: Decodable {
    let document: String
    let start, end: Int
    let code, coder: String
    let memo: String?
    let revision: Int?
    let quote: String?

    var seen: SeenText? { revision.map { SeenText(revision: $0, quote: quote) } }
}

extension CreateCodingRequest: FlatJSONDecodable {
    private static let fields = ["document", "start", "end", "code", "coder", "memo", "revision", "quote"]

    init?(flat body: FlatJSONObject) {
        guard body.keys.allSatisfy(Self.fields.contains), let document = body.string("document"), let start = body.integer("start"),
              let end = body.integer("end"), let code = body.string("code"), let coder = body.string("coder"),
              let memo = body.optionalString("memo"), let revision = body.optionalInteger("revision"),
              let quote = body.optionalString("quote") else { return nil }
        self.init(document: document, start: start, end: end, code: code, coder: coder, memo: memo, revision: revision, quote: quote)
    }
}

/// `code` and `memo` are changed when present; an empty memo clears it.
/// `coder`: who makes the change (recorded as `updated_by`).
struct UpdateCodingRequest: Decodable {
    let version: Int
    let code: String?
    let memo: String?
    let coder: String?
}

/// Undoing a removal: the version the removal left, and who brings it back.
struct RestoreCodingRequest: Decodable {
    let version: Int?
    let coder: String
}

struct ReattachCodingRequest: Decodable {
    let version, start, end: Int
    let coder: String?
    let revision: Int?
    let quote: String?

    var seen: SeenText? { revision.map { SeenText(revision: $0, quote: quote) } }
}

struct CreateMemoRequest: Decodable {
    let target: Memo.Target
    let targetId: String?
    let author, text: String
}

struct UpdateMemoRequest: Decodable {
    let version: Int
    let text: String
}

struct CreateCodeRequest: Decodable {
    let id, name: String
    let kind: CodeKind?
    let parent, description, color: String?
}

/// Fields present are changed. `parent` moves the code under another; `move_to_top` makes it a root.
struct MergeCodeRequest: Decodable {
    let into: String
}

struct UpdateCodeRequest: Decodable {
    let name, description, include, exclude, color, parent: String?
    /// The language `name` and `description` are written in (`CodebookEditor.CodeChange.language`).
    let language: String?
    let kind: CodeKind?
    let moveToTop: Bool?
}

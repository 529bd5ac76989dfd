import FieldworkCore

/// The `<Codes>` tree shared by the project (`.qde`) and codebook (`.qdc`) schemas: codes nested
/// as in the codebook, each with its GUID, name, colour and description.
enum CodebookXML {
    /// `noteRefs` (code id → note GUIDs) are only allowed in the project schema's codes.
    static func codes(_ codebook: Codebook, noteRefs: [String: [String]] = [:]) -> XElement {
        XElement("Codes", children: codebook.roots.map { code(for: $0, in: codebook, noteRefs: noteRefs) })
    }

    private static func code(for code: Code, in codebook: Codebook, noteRefs: [String: [String]]) -> XElement {
        // A kind equal to the parent's is left to inheritance, as the YAML does.
        let inheritsKind = code.parentID.flatMap { codebook[$0]?.kind } == code.kind
        return XElement("Code", [
            ("guid", StableGUID.make(.code, code.id)),
            ("name", code.name),
            // Every Fieldwork code can be applied, parents included.
            ("isCodable", "true"),
            ("color", code.color),
        ], children: XElement.text("Description", CodeDescription(code, withKind: !inheritsKind).text)
            + (noteRefs[code.id] ?? []).map { XElement("NoteRef", [("targetGUID", $0)]) }
            + codebook.children(of: code.id).map { self.code(for: $0, in: codebook, noteRefs: noteRefs) })
    }

    /// A standalone REFI-QDA codebook (`.qdc`).
    static func codebookDocument(_ codebook: Codebook) throws -> String {
        // The schema wants at least one code: an empty codebook has no valid QDC form.
        guard !codebook.codes.isEmpty else { throw ExchangeError.emptyCodebook }
        return XElement("CodeBook", [("xmlns", Exchange.codebookNamespace), ("origin", Exchange.origin)],
                        children: [codes(codebook)]).document()
    }
}

import FieldworkCore
import FieldworkServices

/// `/retrieval`: every passage coded with a code (and its children), with context and filters.
struct RetrievalPage {
    let codebook: Codebook
    let query: [String: String]
    let items: [RetrievalService.Item]?
    let coders: [String]
    let t: Localizer
    /// Codes after the first (`code=a&code=b`); the page's script gives each its own picker.
    var moreCodes: [String] = []
    /// Participant attribute choices, `key=value`, for the attribute picker.
    var attributes: [String] = []
    /// The memos on the one code retrieved, after its passages.
    var memos: MemoListRenderer?
    /// The query's filters (beside the codes and whether the codes below count).
    static let filters = ["coder", "administration", "type", "attribute"]

    func body() -> SafeHTML {
        passages() + (memos?.render() ?? "")
    }

    private func passages() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("retrieval.title"))</h1><form class=\"filters\" method=\"get\" action=\"/retrieval\">"
        html += "<label>\(t.html("col.code")) <select name=\"code\" required data-more=\"\(moreCodes.joined(separator: " "))\"><option value=\"\">\(t.html("retrieval.choose"))</option>"
        for code in codebook.codes {
            let depth = codebook.depth(of: code.id)
            let indent = String(repeating: "\u{00A0}\u{00A0}", count: depth)
            html += "<option value=\"\(code.id)\"\(if: query["code"] == code.id, " selected")>\(indent)\(code.name)</option>"
        }
        html += "</select></label>"
        // A parent code's own passages alone (NVivo's "include sub-codes" off): the API had it,
        // the form did not offer it.
        let alone = query["include_children"] == "false"
        html += "<label>\(t.html("retrieval.children")) <select name=\"include_children\">"
            + "<option value=\"true\">\(t.html("retrieval.childrenIncluded"))</option>"
            + "<option value=\"false\"\(if: alone, " selected")>\(t.html("retrieval.childrenLeftOut"))</option></select></label>"
        html += option("coder", t("col.coder"), coders.map { ($0, $0) })
        html += option("administration", t("documents.administration"), Administration.allCases.map { ($0.rawValue, t.administration($0)) })
        html += option("type", t("retrieval.type"), DocumentType.allCases.map { ($0.rawValue, t.documentType($0)) })
        html += option("attribute", t("retrieval.attribute"), attributes.map { ($0, $0.split(separator: "=", maxSplits: 1).joined(separator: ": ")) })
        html += "<button type=\"submit\">\(t.html("action.show"))</button></form>"
        guard let items else { return html + "<p class=\"empty\">\(t.html("retrieval.empty"))</p>" }
        let csv = HTML.url("/api/retrieval.csv", query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + moreCodes.map { ("code", $0) })
        if items.isEmpty, let id = query["code"] {
            let name = codebook[id]?.name ?? id
            // `include_children=false` retrieves the code alone (`alone`): the message must not speak of codes below it.
            // With a filter applied the code may well have passages, just none of these: coding
            // one more would be the wrong advice, dropping the filters the right one.
            guard Self.filters.contains(where: { query[$0] != nil }) else {
                return html + "<p class=\"empty\">\(t.html(alone ? "retrieval.noneAlone" : "retrieval.none", ["code": name], raw: ["documents": "<a href=\"/\">\(t.html("nav.documents"))</a>"]))</p>"
            }
            let unfiltered = HTML.url("/retrieval", query.filter { !Self.filters.contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + moreCodes.map { ("code", $0) })
            return html + "<p class=\"empty\">\(t.html(alone ? "retrieval.noneFilteredAlone" : "retrieval.noneFiltered", ["code": name], raw: ["clear": "<a href=\"\(unfiltered)\">\(t.html("retrieval.clearFilters"))</a>"]))</p>"
        }
        html += "<p class=\"count\">\(t.count("retrieval.count", items.count)) · <a href=\"\(csv)\" download>\(t.html("retrieval.csv"))</a></p>"
        return html + PassageList(codebook: codebook, t: t).render(items)
    }

    private func option(_ name: String, _ label: String, _ options: [(String, String)]) -> SafeHTML {
        var html: SafeHTML = "<label>\(label) <select name=\"\(name)\"><option value=\"\">\(t.html("filter.all"))</option>"
        for (value, title) in options {
            html += "<option value=\"\(value)\"\(if: query[name] == value, " selected")>\(title)</option>"
        }
        return html + "</select></label>"
    }

    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.properties.isAlphabetic && byte < 0x80 || ("0"..."9").contains(scalar) || "-._~".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

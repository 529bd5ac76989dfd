import FieldworkCore
import FieldworkServices

/// `/retrieval`: every passage coded with a code (and its children), with context and filters.
struct RetrievalPage {
    let codebook: Codebook
    let query: [String: String]
    let items: [RetrievalService.Item]?
    let coders: [String]

    func body() -> String {
        var html = "<h1>Retrieval</h1><form class=\"filters\" method=\"get\" action=\"/retrieval\">"
        html += "<label>Code <select name=\"code\" required><option value=\"\">Choose a code…</option>"
        for code in codebook.codes {
            let depth = codebook.depth(of: code.id)
            let indent = String(repeating: "\u{00A0}\u{00A0}", count: depth)
            html += "<option value=\"\(HTML.escape(code.id))\"\(query["code"] == code.id ? " selected" : "")>\(indent)\(HTML.escape(code.name))</option>"
        }
        html += "</select></label>"
        html += option("coder", "Coder", coders.map { ($0, $0) })
        html += option("administration", "Administration", Administration.allCases.map { ($0.rawValue, $0.displayName) })
        html += option("type", "Document type", DocumentType.allCases.map { ($0.rawValue, $0.rawValue) })
        html += "<label>Participant attribute <input name=\"attribute\" placeholder=\"living_situation=alone\" value=\"\(HTML.escape(query["attribute"] ?? ""))\"></label>"
        html += "<button type=\"submit\">Show</button></form>"
        guard let items else { return html + "<p>Choose a code to see every passage coded with it.</p>" }
        let csv = HTML.url("/api/retrieval.csv", query.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        html += "<p class=\"count\">\(items.count) passage\(items.count == 1 ? "" : "s") · <a href=\"\(HTML.escape(csv))\" download>Export CSV</a></p>"
        return html + PassageList(codebook: codebook).render(items)
    }

    private func option(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
        var html = "<label>\(label) <select name=\"\(name)\"><option value=\"\">All</option>"
        for (value, title) in options {
            html += "<option value=\"\(HTML.escape(value))\"\(query[name] == value ? " selected" : "")>\(HTML.escape(title))</option>"
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

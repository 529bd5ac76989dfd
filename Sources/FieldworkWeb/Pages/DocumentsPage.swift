import FieldworkCore
import FieldworkServices

/// `/`: the documents, filterable by type, language, administration and title.
struct DocumentsPage {
    struct Filter {
        var type: String?
        var language: String?
        var administration: String?
        var text: String?
    }

    let entries: [DocumentListing.Entry]
    let filter: Filter
    let t: Localizer

    func body() -> String {
        let shown = entries.filter { entry in
            let metadata = entry.summary.metadata
            return (filter.type.map { metadata.type.rawValue == $0 } ?? true)
                && (filter.language.map { metadata.language == $0 } ?? true)
                && (filter.administration.map { value in metadata.administrations.contains { $0.rawValue == value } } ?? true)
                && (filter.text.map { metadata.title.lowercased().contains($0.lowercased()) || metadata.id.contains($0) } ?? true)
        }
        let languages = Set(entries.compactMap(\.summary.metadata.language)).sorted()
        guard !entries.isEmpty else { return "<h1>\(t.html("documents.title"))</h1>" + "<p class=\"empty\">" + t.html("documents.empty", raw: ["corpus": "<code>corpus/</code>", "command": "<code>fieldwork ingest</code>"]) + "</p>" }
        var html = "<h1>\(t.html("documents.title"))</h1><form class=\"filters\" method=\"get\" action=\"/\">"
        html += select("type", label: t("documents.type"), options: DocumentType.allCases.map { ($0.rawValue, t.documentType($0)) }, selected: filter.type)
        html += select("language", label: t("documents.language"), options: languages.map { ($0, $0) }, selected: filter.language)
        html += select("administration", label: t("documents.administration"), options: Administration.allCases.map { ($0.rawValue, t.administration($0)) }, selected: filter.administration)
        html += "<label>\(t.html("documents.titleFilter")) <input type=\"search\" name=\"text\" value=\"\(HTML.escape(filter.text ?? ""))\"></label><button type=\"submit\">\(t.html("documents.filter"))</button></form>"
        html += "<p class=\"count\">\(t.html("documents.shown", ["shown": String(shown.count), "total": String(entries.count)]))</p>"
        html += "<table class=\"documents\"><thead><tr>" + ["col.title", "documents.type", "col.date", "col.participants", "col.administrations", "col.segments", "col.coded"].map { "<th scope=\"col\">\(t.html($0))</th>" }.joined() + "</tr></thead><tbody>"
        for entry in shown {
            let metadata = entry.summary.metadata
            let percent = Int((entry.codedShare * 100).rounded())
            html += """
                <tr><td><a href="/documents/\(HTML.escape(metadata.id))">\(HTML.escape(metadata.title))</a> <span class="id">\(HTML.escape(metadata.id))</span></td>\
                <td>\(HTML.escape(t.documentType(metadata.type)))</td><td>\(HTML.escape(metadata.date ?? ""))</td>\
                <td>\(HTML.escape(metadata.participants.joined(separator: ", ")))</td>\
                <td>\(HTML.escape(metadata.administrations.map(t.administration).joined(separator: ", ")))</td>\
                <td>\(entry.summary.segments)</td><td><meter min="0" max="100" value="\(percent)"></meter> \(percent)% <span class="id">(\(t.count("documents.codings", entry.summary.codings)))</span></td></tr>
                """
        }
        return html + "</tbody></table>"
    }

    private func select(_ name: String, label: String, options: [(String, String)], selected: String?) -> String {
        var html = "<label>\(label) <select name=\"\(name)\"><option value=\"\">\(t.html("filter.all"))</option>"
        for (value, title) in options {
            html += "<option value=\"\(HTML.escape(value))\"\(value == selected ? " selected" : "")>\(HTML.escape(title))</option>"
        }
        return html + "</select></label>"
    }
}

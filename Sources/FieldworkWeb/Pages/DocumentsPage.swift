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

    func body() -> String {
        let shown = entries.filter { entry in
            let metadata = entry.summary.metadata
            return (filter.type.map { metadata.type.rawValue == $0 } ?? true)
                && (filter.language.map { metadata.language == $0 } ?? true)
                && (filter.administration.map { value in metadata.administrations.contains { $0.rawValue == value } } ?? true)
                && (filter.text.map { metadata.title.lowercased().contains($0.lowercased()) || metadata.id.contains($0) } ?? true)
        }
        let languages = Set(entries.compactMap(\.summary.metadata.language)).sorted()
        var html = "<h1>Documents</h1><form class=\"filters\" method=\"get\" action=\"/\">"
        html += select("type", label: "Type", options: DocumentType.allCases.map { ($0.rawValue, $0.rawValue) }, selected: filter.type)
        html += select("language", label: "Language", options: languages.map { ($0, $0) }, selected: filter.language)
        html += select("administration", label: "Administration", options: Administration.allCases.map { ($0.rawValue, $0.displayName) }, selected: filter.administration)
        html += "<label>Title <input type=\"search\" name=\"text\" value=\"\(HTML.escape(filter.text ?? ""))\"></label><button type=\"submit\">Filter</button></form>"
        html += "<p class=\"count\">\(shown.count) of \(entries.count) documents</p>"
        html += "<table class=\"documents\"><thead><tr><th scope=\"col\">Title</th><th scope=\"col\">Type</th><th scope=\"col\">Date</th><th scope=\"col\">Participants</th><th scope=\"col\">Administrations</th><th scope=\"col\">Segments</th><th scope=\"col\">Coded</th></tr></thead><tbody>"
        for entry in shown {
            let metadata = entry.summary.metadata
            let percent = Int((entry.codedShare * 100).rounded())
            html += """
                <tr><td><a href="/documents/\(HTML.escape(metadata.id))">\(HTML.escape(metadata.title))</a> <span class="id">\(HTML.escape(metadata.id))</span></td>\
                <td>\(HTML.escape(metadata.type.rawValue))</td><td>\(HTML.escape(metadata.date ?? ""))</td>\
                <td>\(HTML.escape(metadata.participants.joined(separator: ", ")))</td>\
                <td>\(HTML.escape(metadata.administrations.map(\.displayName).joined(separator: ", ")))</td>\
                <td>\(entry.summary.segments)</td><td><meter min="0" max="100" value="\(percent)"></meter> \(percent)% <span class="id">(\(entry.summary.codings) codings)</span></td></tr>
                """
        }
        return html + "</tbody></table>"
    }

    private func select(_ name: String, label: String, options: [(String, String)], selected: String?) -> String {
        var html = "<label>\(label) <select name=\"\(name)\"><option value=\"\">All</option>"
        for (value, title) in options {
            html += "<option value=\"\(HTML.escape(value))\"\(value == selected ? " selected" : "")>\(HTML.escape(title))</option>"
        }
        return html + "</select></label>"
    }
}

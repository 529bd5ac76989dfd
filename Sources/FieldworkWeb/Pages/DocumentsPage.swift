import FieldworkCore
import FieldworkServices

/// `/`: the documents, filterable by type, language, administration and title, a page at a time
/// (`?page=N`, with links to the previous and next pages).
struct DocumentsPage {
    static let pageSize = 100

    /// The page of documents the filter lets through, with the counts and languages of all.
    let listing: DocumentListing.Page
    let filter: DocumentListing.Filter
    let t: Localizer
    /// What the person may open: a facilitator's account lists documents but reads no transcript.
    var access = PageAccess.everything

    func body() -> SafeHTML {
        let total = listing.total, languages = listing.languages
        guard total > 0 else { return "<h1>\(t.html("documents.title"))</h1>" + "<p class=\"empty\">" + t.html("documents.empty", raw: ["corpus": "<code>corpus/</code>", "command": "<code>fieldwork ingest</code>"]) + "</p>" }
        var html: SafeHTML = "<h1>\(t.html("documents.title"))</h1><form class=\"filters\" method=\"get\" action=\"/\">"
        html += select("type", label: t("documents.type"), options: DocumentType.allCases.map { ($0.rawValue, t.documentType($0)) }, selected: filter.type)
        // The codes stay the values (the filter's address); people read the languages' names.
        html += select("language", label: t("documents.language"), options: languages.map { ($0, t.languageName($0)) }, selected: filter.language)
        html += select("administration", label: t("documents.administration"), options: Administration.allCases.map { ($0.rawValue, t.administration($0)) }, selected: filter.administration)
        html += "<label>\(t.html("documents.titleFilter")) <input type=\"search\" name=\"text\" value=\"\(filter.text ?? "")\"></label><button type=\"submit\">\(t.html("documents.filter"))</button></form>"
        html += "<p class=\"count\">\(t.html("documents.shown", ["shown": String(listing.matching), "total": String(total)]))</p>"
        html += "<table class=\"documents\"><thead><tr>" + ["col.title", "documents.type", "col.date", "col.participants", "col.administrations", "col.segments", "col.coded"].map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined() + "</tr></thead><tbody>"
        for entry in listing.entries {
            let metadata = entry.summary.metadata
            let percent = Int((entry.codedShare * 100).rounded())
            let title = access.link("/documents/\(metadata.id)", "\(metadata.title)")
            html += """
                <tr><td>\(title) <span class="id">\(metadata.id)</span></td>\
                <td>\(t.documentType(metadata.type))</td><td>\(metadata.date ?? "")</td>\
                <td>\(metadata.participants.joined(separator: ", "))</td>\
                <td>\(metadata.administrations.map(t.administration).joined(separator: ", "))</td>\
                <td>\(entry.summary.segments)</td><td><meter min="0" max="100" value="\(percent)"></meter> \(percent)% <span class="id">(\(t.count("documents.codings", entry.summary.codings)))</span></td></tr>
                """
        }
        return html + "</tbody></table>" + pager()
    }

    /// Previous and next links that keep the filter; nothing when everything fits on one page.
    private func pager() -> SafeHTML {
        let number = listing.offset / Self.pageSize + 1
        let pages = max(1, (listing.matching + Self.pageSize - 1) / Self.pageSize)
        return PagerNav(number: number, more: listing.more, label: t("documents.pages"),
                        current: t.html("documents.pageOf", ["page": String(number), "pages": String(pages)]), t: t) { page in
            HTML.url("/", [("type", filter.type), ("language", filter.language), ("administration", filter.administration),
                           ("text", filter.text), ("page", page > 1 ? String(page) : nil)])
        }.html()
    }

    private func select(_ name: String, label: String, options: [(String, String)], selected: String?) -> SafeHTML {
        var html: SafeHTML = "<label>\(label) <select name=\"\(name)\"><option value=\"\">\(t.html("filter.all"))</option>"
        for (value, title) in options {
            html += "<option value=\"\(value)\"\(if: value == selected, " selected")>\(title)</option>"
        }
        return html + "</select></label>"
    }
}

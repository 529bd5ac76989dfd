import FieldworkCore

/// `/orphans`: codings whose text changed beyond recognition, kept with their quote.
struct OrphansPage {
    let orphans: [Coding]
    let codebook: Codebook
    /// Document titles by id.
    let titles: [String: String]
    /// Only this coder's orphans (`?coder=`; a blind pass sets it).
    let coder: String?
    let t: Localizer

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("orphans.title"))</h1><p class=\"hint\">\(t.html("orphans.hint"))</p>"
        if let coder { html += "<p class=\"count\">\(t.html("orphans.onlyCoder", ["coder": coder], raw: ["everyone": "<a href=\"/orphans\">\(t.html("orphans.everyone"))</a>"]))</p>" }
        guard !orphans.isEmpty else { return html + "<p class=\"empty\">\(t.html("orphans.empty"))</p>" }
        html += "<table><thead><tr>" + ["col.document", "col.code", "col.quote", "col.coder"].map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined() + "<th scope=\"col\"><span class=\"visually-hidden\">\(t.html("col.actions"))</span></th></tr></thead><tbody>"
        for orphan in orphans {
            html += """
                <tr><td>\(titles[orphan.documentID] ?? orphan.documentID)</td><td><span class="code-dot" data-code="\(orphan.codeID)"></span>\(codebook[orphan.codeID]?.name ?? orphan.codeID)</td>\
                <td>\(Self.quote(orphan, t: t))</td><td>\(orphan.coder)</td>\
                <td><a href="/documents/\(orphan.documentID)?reattach=\(orphan.id)">\(t.html("orphans.reattach"))</a></td></tr>
                """
        }
        return html + "</tbody></table>"
    }

    /// An orphan's quote, inline or as a block (the re-attach banner), or a marker where the
    /// consent rule withheld it (empty quote marks read as a bug; a coding's quote is empty only then).
    static func quote(_ orphan: Coding, block: Bool = false, t: Localizer) -> SafeHTML {
        guard !orphan.quote.isEmpty else {
            return block ? "<p class=\"withheld\">\(t.html("orphans.quoteWithheld"))</p>" : "<span class=\"withheld\">\(t.html("orphans.quoteWithheld"))</span>"
        }
        return block ? "<blockquote class=\"banner-quote\">\(orphan.quote)</blockquote>" : "<q>\(orphan.quote)</q>"
    }
}

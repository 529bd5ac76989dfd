import FieldworkCore

/// `/orphans`: codings whose text changed beyond recognition, kept with their quote.
struct OrphansPage {
    let orphans: [Coding]
    let codebook: Codebook
    /// Document titles by id.
    let titles: [String: String]
    /// Only this coder's orphans (`?coder=`; a blind pass sets it).
    let coder: String?

    func body() -> String {
        var html = "<h1>Orphaned codings</h1><p class=\"hint\">When a transcript is corrected and a coded passage cannot be found again with confidence, the coding is kept here — never attached to the wrong words. Re-attach it to its new passage.</p>"
        if let coder { html += "<p class=\"count\">Coded by \(HTML.escape(coder)) only · <a href=\"/orphans\">everyone’s</a></p>" }
        guard !orphans.isEmpty else { return html + "<p>No orphaned codings.</p>" }
        html += "<table><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Code</th><th scope=\"col\">Quote</th><th scope=\"col\">Coder</th><th scope=\"col\"></th></tr></thead><tbody>"
        for orphan in orphans {
            html += """
                <tr><td>\(HTML.escape(titles[orphan.documentID] ?? orphan.documentID))</td><td><span class="code-dot" data-code="\(HTML.escape(orphan.codeID))"></span>\(HTML.escape(codebook[orphan.codeID]?.name ?? orphan.codeID))</td>\
                <td><q>\(HTML.escape(orphan.quote))</q></td><td>\(HTML.escape(orphan.coder))</td>\
                <td><a href="/documents/\(HTML.escape(orphan.documentID))?reattach=\(HTML.escape(orphan.id))">Re-attach</a></td></tr>
                """
        }
        return html + "</tbody></table>"
    }
}

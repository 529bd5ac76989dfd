import FieldworkCore

/// `/search?q=`: ranked passages; matches are marked (the snippet's brackets become <mark>).
struct SearchPage {
    let query: String
    let hits: [SearchHit]
    /// Hits left out by the consent rule: shown as a count, never as text.
    let withheld: WithheldCount

    func body() -> String {
        var html = "<h1>Search</h1>"
        guard !query.isEmpty else { return html + "<p>Type words in the search box. <code>trygg*</code> finds prefixes, <code>\"på natten\"</code> a phrase.</p>" }
        html += "<p class=\"count\">\(hits.count) passage\(hits.count == 1 ? "" : "s") for “\(HTML.escape(query))”</p>"
        if withheld.total > 0 { html += "<p class=\"withheld\">withheld: consent — \(HTML.escape(withheld.summary))</p>" }
        html += "<ol class=\"hits\">"
        for hit in hits {
            let who = [hit.speaker, hit.heading].compactMap { $0 }.first ?? ""
            html += "<li><p class=\"source\"><a href=\"/documents/\(HTML.escape(hit.documentID))#s\(hit.start)\">\(HTML.escape(hit.documentTitle))</a> \(HTML.escape(who))</p><p>\(hit.snippet(marking: "<mark>", "</mark>", escape: HTML.escape))</p></li>"
        }
        return html + "</ol>"
    }

}

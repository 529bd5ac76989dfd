import FieldworkCore

/// `/search?q=`: ranked passages; matches are marked (the snippet's brackets become <mark>).
struct SearchPage {
    let query: String
    let hits: [SearchHit]
    /// Hits left out by the consent rule: shown as a count, never as text.
    let withheld: WithheldCount
    let t: Localizer

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("search.title"))</h1>"
        guard !query.isEmpty else { return html + "<p class=\"empty\">\(t.html("search.empty", raw: ["prefix": "<code>trygg*</code>", "phrase": "<code>\"på natten\"</code>"]))</p>" }
        html += "<p class=\"count\">\(t.count("search.count", hits.count, ["query": query]))</p>"
        html += ConsentNoteHTML.paragraph(withheld, t: t)
        html += "<ol class=\"hits\">"
        for hit in hits {
            let who = [hit.speaker, hit.heading].compactMap { $0 }.first ?? ""
            html += "<li><p class=\"source\"><a href=\"/documents/\(hit.documentID)#s\(hit.start)\">\(hit.documentTitle)</a> \(who)</p><p>\(hit.snippetHTML(marking: "<mark>", "</mark>"))</p></li>"
        }
        return html + "</ol>"
    }

}

import FieldworkCore

/// `/search?q=`: ranked passages, 50 a page (`&page=N`); matches are marked (the snippet's
/// brackets become <mark>).
struct SearchPage {
    static let pageSize = 50
    /// Pages beyond are refused as this one: 10,000 hits deep is far past any ranking window.
    static let lastPage = 200

    let query: String
    /// Whether the query has words to search for (`*` or `"` alone has none).
    var hasWords = true
    let hits: [SearchHit]
    /// Hits left out by the consent rule: shown as a count, never as text.
    let withheld: WithheldCount
    /// The page shown (from 1), and whether another follows.
    var number = 1
    /// The places of the ranking before this page: the offset of the query that found its hits.
    /// The list's numbers and the count line start after them (they were worked out from a page
    /// size of their own, which need not be the one the search ran with).
    var offset = 0
    var more = false
    /// The page asked for, when beyond the last one searched (`lastPage`): the message names it,
    /// not the last page ("end before page 200" for `page=999`; found by a new user).
    var asked: Int?
    let t: Localizer

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("search.title"))</h1>"
        let examples: [String: SafeHTML] = ["prefix": "<code>trygg*</code>", "phrase": "<code>\"på natten\"</code>"]
        guard !query.isEmpty else { return html + "<p class=\"empty\">\(t.html("search.empty", raw: examples))</p>" }
        // Said, not "0 passages for “*”": nothing was searched for (as the CLI says).
        guard hasWords else { return html + "<p class=\"empty\">\(t.html("search.noWords", ["query": query], raw: examples))</p>" }
        let first = offset + 1
        // Past the last result: no empty list and no pager (its Previous would lead to another
        // empty page), a way back instead.
        if hits.isEmpty, number > 1, withheld.total == 0 {
            let back: SafeHTML = "<a href=\"\(HTML.url("/search", [("q", query)]))\">\(t.html("search.firstPage"))</a>"
            return html + "<p class=\"empty\">\(t.html("search.pastEnd", ["query": query, "page": String(asked ?? number)], raw: ["first": back]))</p>"
        }
        html += count(first: first) + prefixHint()
        html += ConsentNoteHTML.paragraph(withheld, unit: "passages", t: t)
        html += "<ol class=\"hits\"\(if: first > 1, " start=\"\(first)\"")>"
        for hit in hits {
            let who = [hit.speaker, hit.heading].compactMap { $0 }.first ?? ""
            html += "<li><p class=\"source\"><a href=\"/documents/\(hit.documentID)#s\(hit.start)\">\(hit.documentTitle)</a> \(who)</p><p>\(hit.snippetHTML(marking: "<mark>", "</mark>"))</p></li>"
        }
        html += "</ol>"
        return html + PagerNav(number: number, more: more, label: t("search.pages"),
                               current: t.html("search.page", ["page": String(number)]), t: t) { page in
            HTML.url("/search", [("q", query), ("page", page > 1 ? String(page) : nil)])
        }.html()
    }

    /// Swedish builds long words (trygg, trygghet, tryggare) and the index matches words whole:
    /// `trygg` found 3 passages where `trygg*` finds 10, and the page did not say so (found by a
    /// new user, as an NVivo user expects stemmed matches). Under a first page searched without a
    /// prefix or phrase: the same words as prefixes, as a link to that search.
    private func prefixHint() -> SafeHTML {
        guard number == 1, !query.contains("*"), !query.contains("\"") else { return "" }
        // A leading `-` is searched as part of no word (see the README's Search).
        let words = query.split(whereSeparator: \.isWhitespace).map { $0.drop { $0 == "-" } }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return "" }
        let prefixed = words.map { $0 + "*" }.joined(separator: " ")
        let link: SafeHTML = "<a href=\"\(HTML.url("/search", [("q", prefixed)]))\"><code>\(prefixed)</code></a>"
        return "<p class=\"hint\">\(t.html("search.prefixHint", raw: ["prefixed": link]))</p>"
    }

    /// How many passages, as far as it is known: the search ranks a window and the consent rule
    /// is applied a page at a time, so the total is only known when everything fits on page 1;
    /// any other page says which places of the ranking it shows ("Passages 51–57").
    private func count(first: Int) -> SafeHTML {
        if number == 1, !more { return "<p class=\"count\">\(t.count("search.count", hits.count, ["query": query]))</p>" }
        guard !hits.isEmpty else { return "" }  // every hit of this page withheld: the note says so
        let range = ["query": query, "first": String(first), "last": String(first + hits.count - 1)]
        return "<p class=\"count\">\(t.count("search.range", hits.count, range))</p>"
    }
}

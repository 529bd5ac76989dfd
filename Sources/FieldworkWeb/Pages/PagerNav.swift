import FieldworkCore

/// The Previous/Next links of a paged list (the documents, the search results): a labelled nav,
/// the current page marked `aria-current`, each link built by the page so it keeps its filter.
struct PagerNav {
    /// The page shown, from 1.
    let number: Int
    let more: Bool
    /// The nav's accessible name (already localized).
    let label: String
    /// "Page 2 of 3", or "Page 2" where the number of pages is not known.
    let current: SafeHTML
    let t: Localizer
    /// The address of page `N` (page 1 without `page=`).
    let href: (Int) -> String

    /// Nothing when everything fits on one page.
    func html() -> SafeHTML {
        guard number > 1 || more else { return "" }
        func link(_ page: Int, _ key: String, rel: String) -> SafeHTML {
            "<a href=\"\(href(page))\" rel=\"\(rel)\">\(t.html(key))</a>"
        }
        var html: SafeHTML = "<nav class=\"pager\" aria-label=\"\(label)\">"
        if number > 1 { html += link(number - 1, "documents.previous", rel: "prev") }
        html += " <span aria-current=\"page\">\(current)</span> "
        if more { html += link(number + 1, "documents.next", rel: "next") }
        return html + "</nav>"
    }

    /// `?page=N` of a request, from 1 (anything else is page 1), bounded so the offset stays small.
    static func number(_ text: String?, last: Int = 1_000_000) -> Int {
        min(max(1, Int(text ?? "") ?? 1), last)
    }
}

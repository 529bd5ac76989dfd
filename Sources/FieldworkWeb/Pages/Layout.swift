/// The frame of every page: navigation, the search box, the coder badge, the CSRF token for
/// scripts, and the stylesheets and module script (all same-origin, as the CSP demands).
struct Layout {
    enum Section: String, CaseIterable {
        case documents, codebook, retrieval, matrix, orphans, needs, solutions, actors, agreement, audit, search

        var title: String { self == .matrix ? "Code × case" : rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
        var path: String { self == .documents ? "/" : "/\(rawValue)" }
    }

    let csrfToken: String

    /// `coderScoped`: the page lists codings and narrows them by its `coder` query parameter, so
    /// a blind pass (blind.js) reloads it with `coder=` set to the coder.
    func page(_ section: Section, title: String, query: String = "", coderScoped: Bool = false, body: String) -> String {
        let navigation = Section.allCases.filter { $0 != .search }.map { item -> String in
            let current = item == section ? " aria-current=\"page\"" : ""
            return "<a href=\"\(item.path)\"\(current)>\(item.title)</a>"
        }.joined()
        return HTML.document(title: title, body: """
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <a class="brand" href="/">Fieldwork</a>
            <nav aria-label="Main">\(navigation)</nav>
            <form class="search" role="search" action="/search" method="get">
            <label for="search-q" class="visually-hidden">Search transcripts</label>
            <input id="search-q" name="q" type="search" placeholder="Search transcripts…" value="\(HTML.escape(query))">
            </form>
            <button id="coder-button" type="button" class="coder">Coder: not set</button>
            </header>
            <main id="main" data-page="\(section.rawValue)"\(coderScoped ? " data-coder-scoped" : "")>
            \(body)
            </main>
            """, head: """
            <meta name="csrf-token" content="\(HTML.escape(csrfToken))">
            <link rel="stylesheet" href="/static/codes.css">
            <script type="module" src="/static/app.js"></script>
            """)
    }
}

import Foundation
import FieldworkCore
import Hummingbird

/// The frame of every page: navigation, the search box, the coder badge, the language switch,
/// the CSRF token for scripts, the message catalogue of the page's language, and the
/// stylesheets and module script (all same-origin, as the CSP demands).
struct Layout {
    enum Section: String, CaseIterable {
        case documents, codebook, retrieval, memos, matrix, orphans, needs, solutions, register, actors, agreement, audit, search

        var path: String { self == .documents ? "/" : "/\(rawValue)" }
    }

    let csrfToken: String
    let t: Localizer
    /// This page's path and query, where the language switch comes back to.
    let currentPath: String
    /// Team mode: the account logged in (its name and logout replace the coder button).
    let account: Account?
    /// Served read-only (a hot standby): a notice on every page, no coding controls.
    let readOnly: ReadOnlyServing?
    /// The study's time zone, for the times the scripts show (i18n.js `dateTime`).
    let timeZone: String

    init(_ web: WebContext) {
        account = web.account
        readOnly = web.readOnly
        csrfToken = web.session?.csrfToken ?? ""
        t = Localizer(web.language)
        currentPath = web.pagePath
        timeZone = web.studyTimeZone
    }

    /// The page as a response (every page route renders through here). The frame is rendered
    /// around a marker and the body written once, straight into the response's buffer: a
    /// transcript's body is most of a page's bytes, and every copy of it showed in profiles.
    static func response(_ web: WebContext, _ section: Section, title: String, query: String = "", coderScoped: Bool = false,
                         body: SafeHTML) -> Response {
        response(web, section, title: title, query: query, coderScoped: coderScoped, parts: [body])
    }

    /// The same with a body in parts, written one after the other (a transcript kept whole is
    /// not copied into a body first).
    static func response(_ web: WebContext, _ section: Section, title: String, query: String = "", coderScoped: Bool = false,
                         parts: [SafeHTML]) -> Response {
        // trusted: a marker of this process (NUL and a random UUID), replaced by the body below.
        var frame = Layout(web).page(section, title: title, query: query, coderScoped: coderScoped, body: SafeHTML(trusted: bodyMarker)).rendered
        var buffer = ByteBufferAllocator().buffer(capacity: parts.reduce(frame.utf8.count) { $0 + $1.rendered.utf8.count })
        frame.withUTF8 { bytes in
            // Searched as bytes, from each NUL (the marker's first byte): String's own search
            // segmented every grapheme of the frame.
            var from = 0
            var found: Int?
            while found == nil, let nul = bytes[from...].firstIndex(of: 0) {
                if bytes[nul...].starts(with: bodyMarkerBytes) { found = nul }
                from = nul + 1
            }
            guard let offset = found else {
                buffer.writeBytes(bytes)  // unreachable: the frame always holds its body
                return
            }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[..<offset]))
            for part in parts { buffer.writeString(part.rendered) }
            buffer.writeBytes(UnsafeBufferPointer(rebasing: bytes[(offset + bodyMarkerBytes.count)...]))
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    /// Where `response` writes the body: no text of a page can hold it (it starts with NUL, and
    /// the UUID is drawn when the process starts).
    private static let bodyMarker = "\u{0}fieldwork-body-\(UUID().uuidString)\u{0}"
    private static let bodyMarkerBytes = Array(bodyMarker.utf8)

    /// `coderScoped`: the page lists codings and narrows them by its `coder` query parameter, so
    /// a blind pass (blind.js) reloads it with `coder=` set to the coder.
    func page(_ section: Section, title: String, query: String = "", coderScoped: Bool = false, body: SafeHTML) -> SafeHTML {
        // Team mode: only the pages the role may open.
        let navigation = Section.allCases.filter { item in
            item != .search && (account.map { RoutePermissions.allows($0.role, .get, item.path) } ?? true)
        }.map { item -> SafeHTML in
            "<a href=\"\(item.path)\"\(if: item == section, " aria-current=\"page\"")>\(t.html("nav.\(item.rawValue)"))</a>"
        }.joined()
        let next = RetrievalPage.percentEncode(currentPath)
        let languages = InterfaceLanguage.allCases.map { language -> SafeHTML in
            "<a href=\"/language/\(language.rawValue)?next=\(next)\" lang=\"\(language.rawValue)\" hreflang=\"\(language.rawValue)\"\(if: language == t.language, " aria-current=\"true\"")>\(language.nativeName)</a>"
        }.joined()
        // Who may not change the study is offered no control that would be refused (styles: reader.css).
        let noChanges: SafeHTML = readOnly != nil ? " data-no-changes=\"server\""
            : !PageAccess(role: account?.role).changes ? " data-no-changes=\"role\"" : ""
        let coderButton: SafeHTML = "<button id=\"coder-button\" type=\"button\" class=\"coder\">\(t.html("coder.unset"))</button>"
        // Team mode: no search box for a role that may not search (a facilitator reads no transcripts).
        let searchForm: SafeHTML = account.map { RoutePermissions.allows($0.role, .get, "/search") } ?? true ? """
            <form class="search" role="search" action="/search" method="get">
            <label for="search-q" class="visually-hidden">\(t.html("layout.search.label"))</label>
            <input id="search-q" name="q" type="search" placeholder="\(t.html("layout.search.placeholder"))" value="\(query)">
            </form>
            """ : SafeHTML()
        return HTML.document(title: title, language: t.language.rawValue, body: """
            <a class="skip" href="#main">\(t.html("layout.skip"))</a>
            <header class="top">
            <a class="brand" href="/">Fieldwork</a>
            <nav aria-label="\(t.html("layout.nav"))">\(navigation)</nav>
            \(searchForm)
            <nav class="languages" aria-label="\(t.html("layout.language"))">\(languages)</nav>
            \(account.map { AccountChrome.header($0, csrfToken: csrfToken, t: t) } ?? coderButton)
            </header>
            <main id="main" data-page="\(section.rawValue)"\(if: coderScoped, " data-coder-scoped")\(if: readOnly != nil, " data-read-only")\(noChanges)>
            \(readOnly?.notice(t) ?? SafeHTML())
            \(body)
            </main>
            """, head: """
            <meta name="csrf-token" content="\(csrfToken)"><meta name="time-zone" content="\(timeZone)">\(account.map(AccountChrome.meta) ?? SafeHTML())
            <link rel="stylesheet" href="/static/codes.css">
            <script src="/static/messages.\(t.language.rawValue).js"></script>
            <script type="module" src="/static/app.js"></script>
            """)
    }
}

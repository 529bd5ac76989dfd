import FieldworkCore
import Hummingbird

/// The pages that compare coders (`/agreement`, `/disagreements`) during a blind pass.
///
/// A blind pass is chosen per browser (blind.js, localStorage) and shows a coder only their own
/// codings. These two pages are about everyone's codings side by side, so narrowing them to one
/// coder leaves nothing to compare: while the pass is on they say so instead, and the server
/// sends none of their numbers or passages. blind.js mirrors the pass into the
/// `fieldwork_blind` cookie so that a plain page load carries it; each page marks which way it
/// was rendered (`data-compares-coders`), and blind.js asks again when that no longer matches
/// the browser's choice (the pass turned on or off here, or in another tab).
enum BlindPassPages {
    static let cookieName = "fieldwork_blind"

    /// Whether the request comes from a browser in a blind pass.
    static func isOn(_ request: Request, _ web: WebContext) -> Bool {
        web.cookie(cookieName, of: request) == "on"
    }

    /// The coder whose codings alone a page counts during a blind pass (nil: no pass, or no coder
    /// known to narrow to): the needs register and a need's page.
    static func narrowedCoder(_ request: Request, _ web: WebContext) -> String? {
        isOn(request, web) ? web.coder : nil
    }

    /// A page that narrows during a pass (rather than withholding), marked as blind.js expects, so
    /// it is asked for again when the pass is turned on or off.
    static func marked(_ body: SafeHTML, narrowed: Bool) -> SafeHTML {
        "<div data-compares-coders=\"\(narrowed ? "withheld" : "shown")\">" + body + "</div>"
    }

    /// The memos a page or the API shows: during a blind pass only the coder's own (a colleague's
    /// memo may say what they coded), else all.
    static func memos(_ memos: [Memo], _ request: Request, _ web: WebContext) -> [Memo] {
        isOn(request, web) ? memos.filter { $0.author == web.coder } : memos
    }

    /// The page's body as rendered (marked for blind.js), or the explanation in its place.
    static func body(blind: Bool, title: String, t: Localizer, page: () async throws -> SafeHTML) async rethrows -> SafeHTML {
        guard blind else { return "<div data-compares-coders=\"shown\">" + (try await page()) + "</div>" }
        return """
            <div data-compares-coders="withheld"><h1>\(title)</h1>\
            <p class="blind-withheld">\(t.html("blind.comparisonWithheld"))</p>\
            <p class="hint">\(t.html("blind.comparisonAfter"))</p></div>
            """
    }
}

import FieldworkCore
import FieldworkServices
import Hummingbird
import Foundation

/// `/handouts/{code}` and `/handouts/workshops/{plan}` (a plan of `corpus/workshops/`, its
/// whole pack): print pages in the handout's language (`?lang=sv|en`, else the plan's, else the
/// codebook's), `?easy_read=1` for the easy-read variant. The page links `/static/handout.css`
/// and a print-button module instead of inline style or script (CSP); its toolbar speaks the
/// interface language and is not printed.
struct HandoutRoutes {
    let context: FieldworkContext

    func register(on router: Router<WebContext>) {
        router.get("/handouts/{code}", use: handout)
        router.get("/handouts/workshops/{plan}", use: pack)
        router.get("/static/handout.css") { _, _ in Response.stylesheet(HandoutStylesheet.css) }
    }

    var service: HandoutService { context.handouts }

    /// The handout options a request asks for; an unknown language is refused, not ignored.
    func request(_ request: Request) throws -> HandoutService.Request {
        let form = request.uri.form
        let language = try form.language(among: HandoutTexts.languages, subject: "handouts are")
        let quotes = form.getAll("quote").filter { !$0.isEmpty }
        return HandoutService.Request(language: language, easyRead: form.flag("easy_read"), quotes: quotes.isEmpty ? nil : quotes)
    }

    @Sendable func handout(_ request: Request, context web: WebContext) async throws -> Response {
        let code = try web.parameters.require("code")
        guard try await context.store.codebook()[code] != nil else { throw StoreError.notFound("code '\(code)'") }
        var options = try self.request(request)
        options.offersChoices = true
        let handout = try await service.handout(codeID: code, request: options)
        let t = Localizer(web.language)
        let toolbar = Self.toolbar(path: "/handouts/\(code)", options: options, language: handout.language, t: t)
            + HandoutQuoteChoice(handout: handout, path: "/handouts/\(code)", options: options, t: t).render()
        let html = HandoutHTMLRenderer.render(handout, date: Self.today, styling: Self.styling(toolbar))
        return Self.response(html)
    }

    @Sendable func pack(_ request: Request, context web: WebContext) async throws -> Response {
        let name = try web.parameters.require("plan")
        guard let plan = try service.plan(named: name)?.redacted(with: context.workspace.redactions()) else {
            throw StoreError.notFound("workshop plan '\(name)'")
        }
        let options = try self.request(request)
        let handouts = try await service.handouts(plan: plan, request: options)
        let language = try service.language(asked: options.language, plan: plan)
        let toolbar = Self.toolbar(path: "/handouts/workshops/\(name)", options: options, language: language, t: Localizer(web.language))
        let html = WorkshopPackRenderer.html(plan: plan, handouts: handouts, language: language, easyRead: options.easyRead,
                                             date: plan.date ?? Self.today, styling: Self.styling(toolbar))
        return Self.response(html)
    }

    /// RFC 3986's unreserved characters: what a query value keeps as typed (a coding id's dashes).
    static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    static var today: String { Date().formatted(.iso8601.year().month().day()) }

    static func styling(_ toolbar: SafeHTML) -> HandoutHTMLRenderer.Styling {
        .linked(stylesheet: "/static/handout.css", script: "/static/handout.js", toolbar: toolbar)
    }

    static func response(_ html: SafeHTML) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    /// Print, the other variant (easy-read or standard) and the handout in each language, each
    /// keeping the quotes chosen by hand. In the interface's language, marked so, inside a handout
    /// written in another.
    static func toolbar(path: String, options: HandoutService.Request, language: String, t: Localizer) -> SafeHTML {
        let chosen = (options.quotes ?? []).map { "&quote=" + ($0.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "") }.joined()
        func link(language: String, easyRead: Bool) -> String {
            path + "?lang=\(language)" + (easyRead ? "&easy_read=1" : "") + chosen
        }
        var html: SafeHTML = "<nav class=\"toolbar\" lang=\"\(t.language.rawValue)\" aria-label=\"\(t.html("handout.toolbar"))\">"
        html += "<button type=\"button\" id=\"print-handout\">\(t.html("handout.print"))</button>"
        html += "<span>\(t.html("handout.printHint"))</span>"
        html += "<a id=\"handout-variant\" href=\"\(link(language: language, easyRead: !options.easyRead))\">"
        html += (options.easyRead ? t.html("handout.standard") : t.html("handout.easyRead")) + "</a>"
        for other in HandoutTexts.languages where other != language {
            html += "<a href=\"\(link(language: other, easyRead: options.easyRead))\" hreflang=\"\(other)\">\(t.html("handout.in.\(other)"))</a>"
        }
        return html + "</nav>"
    }
}

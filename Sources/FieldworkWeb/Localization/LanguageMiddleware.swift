import Hummingbird

/// Decides each request's interface language (the switch's cookie, then `Accept-Language`,
/// then the workspace's default) and keeps it in the context for the pages, with the study's
/// time zone the pages show times in. The first of `RequestGate`'s steps, so that every
/// response — error pages included — is in the request's language.
struct LanguageMiddleware {
    static let cookieName = "fieldwork_lang"
    let workspaceDefault: InterfaceLanguage
    var studyTimeZone = "Europe/Stockholm"

    /// The request's cookies, language, path and the study's time zone, into `context`.
    func prepare(_ request: Request, _ context: inout WebContext) {
        context.cookies = RequestCookies(request)
        context.language = InterfaceLanguage.of(cookie: context.cookie(Self.cookieName, of: request),
                                                acceptLanguage: request.headers[.acceptLanguage],
                                                workspaceDefault: workspaceDefault)
        context.pagePath = request.uri.description
        context.studyTimeZone = studyTimeZone
    }

    /// Every response, last: pages differ by language, and a cache (there is none; responses
    /// are no-store) must know.
    static func finish(_ response: inout Response) {
        response.headers[.vary] = "Accept-Language, Cookie"
    }
}

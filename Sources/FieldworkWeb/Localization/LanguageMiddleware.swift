import Hummingbird

/// Decides each request's interface language (the switch's cookie, then `Accept-Language`,
/// then the workspace's default) and keeps it in the context for the pages, with the study's
/// time zone the pages show times in.
struct LanguageMiddleware: RouterMiddleware {
    static let cookieName = "fieldwork_lang"
    let workspaceDefault: InterfaceLanguage
    var studyTimeZone = "Europe/Stockholm"

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        context.cookies = RequestCookies(request)
        context.language = InterfaceLanguage.of(cookie: context.cookie(Self.cookieName, of: request),
                                                acceptLanguage: request.headers[.acceptLanguage],
                                                workspaceDefault: workspaceDefault)
        context.pagePath = request.uri.description
        context.studyTimeZone = studyTimeZone
        var response = try await next(request, context)
        // Pages differ by language: a cache (there is none; responses are no-store) must know.
        response.headers[.vary] = "Accept-Language, Cookie"
        return response
    }
}

import Hummingbird

/// The language switch (`/language/sv?next=/codebook`: remembered per browser in a cookie,
/// then back to the page) and each catalogue as a script for the browser code.
struct LanguageRoutes {
    let catalogue: MessageCatalogue

    func register(on router: Router<WebContext>) {
        for language in InterfaceLanguage.allCases {
            let script = ByteBuffer(string: catalogue.script(for: language))
            router.get("/static/messages.\(language.rawValue).js") { _, _ in
                Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: .init(byteBuffer: script))
            }
        }
        router.get("/language/{language}") { request, web in
            guard let language = InterfaceLanguage(rawValue: try web.parameters.require("language")) else {
                throw APIError(.notFound, "not_found", "no such interface language")
            }
            var response = Response(status: .seeOther, headers: [.location: Self.localPath(request.uri.form.get("next"))])
            response.setCookie(Cookie(name: LanguageMiddleware.cookieName, value: language.rawValue, maxAge: 365 * 24 * 3600,
                                      path: "/", httpOnly: false, sameSite: .strict))
            return response
        }
    }

    /// Only a path on this server (never `//elsewhere` or `http://…`): no open redirect.
    static func localPath(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.contains(where: { $0.isNewline }) else { return "/" }
        return next
    }
}

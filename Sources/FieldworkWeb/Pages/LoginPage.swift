import FieldworkCore

/// The team server's login form: a plain HTML form (it works without scripts), the name and
/// password fields labelled for password managers, the problem of the last attempt as an alert,
/// and the language switch (the page has no other chrome).
struct LoginPage {
    let t: Localizer
    /// Where to go after logging in (a local path, `LanguageRoutes.localPath`).
    let next: String
    var name = ""
    /// A sentence from the catalogue: why the last attempt failed.
    var problem: String?
    /// Served read-only (a hot standby): said before anyone logs in.
    var readOnly: ReadOnlyServing?

    func html() -> SafeHTML {
        let alert: SafeHTML = problem.map { "<p class=\"login-problem\" role=\"alert\">\($0)</p>" } ?? SafeHTML()
        let here = RetrievalPage.percentEncode("/login?next=" + RetrievalPage.percentEncode(next))
        let languages: [SafeHTML] = InterfaceLanguage.allCases.map { language in
            let current: SafeHTML = language == t.language ? " aria-current=\"true\"" : ""
            return "<a href=\"/language/\(language.rawValue)?next=\(here)\" lang=\"\(language.rawValue)\" hreflang=\"\(language.rawValue)\"\(current)>\(language.nativeName)</a>"
        }
        let body: SafeHTML = """
            <main id="main" class="login">
            <h1>Fieldwork</h1>
            <h2>\(t("login.title"))</h2>
            <p>\(t("login.intro"))</p>
            \(readOnly?.notice(t) ?? SafeHTML())
            \(alert)
            <form method="post" action="/login" class="login-form">
            <input type="hidden" name="next" value="\(next)">
            <p><label for="login-name">\(t("login.name"))</label>
            <input id="login-name" name="name" type="text" autocomplete="username" required maxlength="\(AccountName.maxLength)" value="\(name)" spellcheck="false"></p>
            <p><label for="login-password">\(t("login.password"))</label>
            <input id="login-password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit" class="primary">\(t("login.submit"))</button></p>
            </form>
            <nav class="languages" aria-label="\(t("layout.language"))">\(languages)</nav>
            </main>
            """
        return HTML.document(title: t("login.title"), language: t.language.rawValue, body: body)
    }
}

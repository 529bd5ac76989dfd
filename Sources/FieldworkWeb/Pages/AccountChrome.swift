import FieldworkCore

/// Team mode's part of the page header: who is logged in, with which role, and the logout
/// button (a form carrying the session's CSRF token, which `LoginRoutes.logout` checks).
enum AccountChrome {
    static func header(_ account: Account, csrfToken: String, t: Localizer) -> SafeHTML {
        let html: SafeHTML = """
            <span class="account" id="account-name">\(t("account.badge", ["name": account.name, "role": t("account.role.\(account.role.rawValue)")]))</span>
            <form class="logout" method="post" action="/logout">
            <input type="hidden" name="csrf" value="\(csrfToken)">
            <button type="submit" class="secondary">\(t("login.logout"))</button>
            </form>
            """
        return html
    }

    /// The page head's account name, which the browser code codes under (coder.js).
    static func meta(_ account: Account) -> SafeHTML {
        "<meta name=\"fieldwork-account\" content=\"\(account.name)\">"
    }
}

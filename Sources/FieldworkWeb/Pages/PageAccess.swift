import FieldworkCore
import HTTPTypes

/// Which pages the person may open — in team mode their role's (`RoutePermissions`), in local
/// mode every one — so that a page links only where the link would not answer 403. A
/// facilitator's document list, solutions, register and codebook linked to transcripts, needs
/// evidence and retrieval, each refused (found by a new user).
struct PageAccess: Sendable {
    let role: Role?

    static let everything = PageAccess(role: nil)

    init(role: Role?) {
        self.role = role
    }

    init(_ web: WebContext) {
        role = web.account?.role
    }

    /// Whether the person may change the study (code, write memos, adjudicate): not an analyst
    /// or a facilitator.
    var changes: Bool {
        role.map { RoutePermissions.allows($0, .post, "/api/codings") } ?? true
    }

    /// Whether a GET of `target` (a path, with or without query and fragment) is allowed.
    func opens(_ target: String) -> Bool {
        guard let role else { return true }
        let path = target.prefix { $0 != "?" && $0 != "#" }
        return RoutePermissions.allows(role, .get, String(path))
    }

    /// `text` linked to `target` where it may be opened, else the text alone.
    func link(_ target: String, _ text: SafeHTML, attributes: SafeHTML = "") -> SafeHTML {
        opens(target) ? "<a href=\"\(target)\"\(attributes)>\(text)</a>" : text
    }
}

import FieldworkCore
import Hummingbird

/// A server that serves reading only: `fieldwork serve` on a PostgreSQL hot standby (found by
/// `pg_is_in_recovery()`), or any store with `serve --read-only`. Every route that changes the
/// study is refused (`RoutePermissions.servedReadOnly`); login, logout and reading work, and
/// the audit entries go to the server's own log (`AuditLog.standby`), not the database.
public struct ReadOnlyServing: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// The database is a hot standby: it takes no writes at all.
        case standby
        /// Asked for (`serve --read-only`).
        case requested
    }

    public var reason: Reason
    /// Where people write instead (`serve --primary URL`), named in refusals and on every page.
    public var primary: String?

    public init(_ reason: Reason, primary: String? = nil) {
        self.reason = reason
        self.primary = primary
    }

    /// The refusal of a write, in one line (the API's `detail`, shown by the pages' scripts).
    public var refusal: String {
        (reason == .standby ? "this server is a read-only standby" : "this server is read-only (fieldwork serve --read-only)")
            + "; write on the primary" + (primary.map { " at \($0)" } ?? " server")
    }

    /// The notice at the top of every page: a sentence from the catalogue and, if known, a link to the primary.
    func notice(_ t: Localizer) -> SafeHTML {
        var html: SafeHTML = "<p class=\"read-only-notice\" id=\"read-only-notice\"><strong>\(t(reason == .standby ? "readOnly.standby" : "readOnly.requested"))</strong>"
        if let primary {
            let link: SafeHTML = "<a href=\"\(primary)\">\(primary)</a>"
            html += " " + t.html("readOnly.primary", raw: ["primary": link])
        }
        return html + "</p>"
    }
}

/// Refuses every route that changes the study (503 `read_only`, naming the primary), and lets
/// the pages know they are served read-only (the notice, no coding controls).
struct ReadOnlyMiddleware {
    let serving: ReadOnlyServing

    func check(_ request: Request, _ context: inout WebContext) throws {
        guard RoutePermissions.servedReadOnly(method: request.method, path: request.uri.path) else {
            throw APIError(.serviceUnavailable, "read_only", serving.refusal)
        }
        context.readOnly = serving
    }
}

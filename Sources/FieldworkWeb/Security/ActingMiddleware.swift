import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

/// The localhost session is one person: the coder name the browser asked for once
/// (`coder.js` keeps it in localStorage and mirrors it into the `fieldwork_coder` cookie, so
/// that plain page loads and downloads carry it too). Each request runs as that person
/// (`Acting`): audit entries name them, and material restricted to other coders
/// (`corpus/access.yaml`, checked per request so an edit applies at once) is withheld.
///
/// This is a courtesy boundary inside one trusted session, not authentication: whoever holds
/// the session can type any coder name.
struct ActingMiddleware {
    static let cookieName = "fieldwork_coder"
    let access: AccessPolicyReader

    init(workspace: Workspace) {
        access = AccessPolicyReader(workspace: workspace)
    }

    /// The coder into `context`, and who the request runs as (the route runs inside `Acting.$request`).
    func acting(for request: Request, _ context: inout WebContext) throws -> Acting {
        let name = context.cookie(Self.cookieName, of: request)?.removingPercentEncoding?.trimmingCharacters(in: .whitespaces)
        // Team mode: the account is the coder; the browser's cookie is not asked.
        context.coder = context.account?.name ?? name.flatMap { $0.isEmpty || $0.count > 80 ? nil : $0 }
        // A broken file withholds nothing silently and shows nothing: every request says what to fix.
        let access: AccessPolicy
        do {
            access = try self.access.current()
        } catch {
            throw APIError(.internalServerError, "access_policy", "\(error)")
        }
        return Acting(coder: context.coder, access: access)
    }
}

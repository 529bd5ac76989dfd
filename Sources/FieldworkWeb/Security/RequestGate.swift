import FieldworkCore
import FieldworkServices
import Hummingbird

/// Everything a request passes before its route, in one middleware and in this order: the move
/// off the event loop for all but light requests (`WorkOffloadMiddleware`), the language, then —
/// inside the security headers, so that any refusal becomes an error response with them — the
/// host check, the session (local or team), the method check, read-only serving, the roles
/// (team), the CSRF check, and the coder the request runs as.
///
/// These were eight middlewares in Hummingbird's chain (ten in team mode): each an async call
/// with its own copy of the request's context, a measurable part of a small request such as a
/// coding write. Here each step is a plain call on one context; what each checks, and how it
/// refuses, is unchanged.
struct RequestGate: RouterMiddleware {
    enum Sessions {
        /// Local mode: the access token's session.
        case local(SessionMiddleware)
        /// Team mode: an account's login, and roles for every route.
        case team(TeamSessionMiddleware)
    }

    let language: LanguageMiddleware
    let host: HostCheckMiddleware
    let sessions: Sessions
    /// Serving reading only (nil: everything is served).
    let readOnly: ReadOnlyMiddleware?
    let csrf: CSRFMiddleware
    let acting: ActingMiddleware

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        try await WorkOffloadMiddleware().handle(request, context: context) { request, context in
            var context = context
            language.prepare(request, &context)
            var response = try await SecurityHeadersMiddleware.respond(to: request, context: context) {
                try await checked(request, context, next)
            }
            LanguageMiddleware.finish(&response)
            return response
        }
    }

    private func checked(_ request: Request, _ context: WebContext, _ next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        try host.check(request)
        switch sessions {
        case .local(let local):
            if let redirect = try local.admit(request, &context) { return redirect }
        case .team(let team):
            if let redirect = try await team.admit(request, &context) { return redirect }
        }
        try MethodCheckMiddleware.check(request)
        // Before the roles: a read-only server refuses a write by anyone for that reason.
        try readOnly?.check(request, &context)
        if case .team = sessions { try RoleMiddleware.check(request, context) }
        try csrf.check(request, context)
        let acting = try self.acting.acting(for: request, &context)
        return try await Acting.$request.withValue(acting) { [context] in try await next(request, context) }
    }
}

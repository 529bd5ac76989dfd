import FieldworkCore
import HTTPTypes

/// Who may use each route of a team server: one table, read by `RoleMiddleware` on every
/// request. A route's key is its method and its path as registered (`GET /api/documents/{id}`;
/// HEAD follows GET). A request that matches no entry is refused (404) whatever the role, so a
/// route added without an entry is closed, not open — and `RoutePermissionsTests` walks the
/// real router and fails until the entry is written.
///
/// In local (token) mode there is one user and this table is not consulted.
enum RoutePermissions {
    enum Access: Sendable, Equatable {
        /// No session needed: the login form (and its stylesheet).
        case anonymous
        case roles(Set<Role>)
    }

    static let everyone: Access = .roles(Set(Role.allCases))
    /// Those who read raw transcripts and what is built from them.
    static let readers: Access = .roles([.researcher, .analyst, .admin])
    /// Those who change codings, memos, the codebook and need links.
    static let coders: Access = .roles([.researcher, .admin])
    static let admins: Access = .roles([.admin])

    static let table: [String: Access] = [
        // The frame: language, scripts, styles, the API description.
        // The login form, its stylesheet and its language switch.
        "GET /login": .anonymous, "POST /login": .anonymous, "GET /static/app.css": .anonymous,
        "GET /language/{language}": .anonymous,
        "POST /logout": everyone,
        "GET /static/{name}": everyone, "GET /static/codes.css": everyone, "GET /static/handout.css": everyone,
        "GET /static/messages.en.js": everyone, "GET /static/messages.sv.js": everyone, "GET /static/report.css": everyone,
        "GET /api/openapi.json": everyone,
        // Document list (metadata, no transcript text), codebook, workshop material.
        "GET /": everyone,
        "GET /codebook": everyone, "GET /api/codebook": everyone,
        "GET /handouts/{code}": everyone, "GET /handouts/workshops/{plan}": everyone,
        "GET /solutions": everyone, "GET /api/solutions": everyone,
        "GET /register": everyone, "GET /api/register": everyone,
        // Transcripts and everything read out of them.
        "GET /documents/{id}": readers, "GET /api/documents": readers, "GET /api/documents/{id}": readers,
        "GET /api/documents/{id}/recording": readers, "GET /api/status": readers,
        "GET /api/documents/{id}/changes": readers, "GET /documents/{id}/print": readers,
        // The study report: consented quotes and counts, the city's deliverable (read like the needs).
        "GET /report": readers, "GET /report/download": readers,
        "GET /search": readers, "GET /api/search": readers,
        "GET /retrieval": readers, "GET /api/retrieval": readers, "GET /api/retrieval.csv": readers,
        "GET /orphans": readers, "GET /api/codings": readers, "GET /api/codings/{id}/history": readers,
        "GET /matrix": readers, "GET /matrix/passages": readers,
        "GET /cooccurrence": readers, "GET /cooccurrence/passages": readers, "GET /api/cooccurrence": readers,
        "GET /agreement": readers, "GET /api/agreement": readers,
        "GET /disagreements": readers, "GET /api/disagreements": readers,
        "GET /needs": readers, "GET /needs/{id}": readers, "GET /api/needs": readers, "GET /api/needs/{id}": readers,
        "GET /actors": readers, "GET /actors.svg": readers,
        "GET /api/memos": readers, "GET /memos": readers,
        // Coding, memos, the codebook, adjudication, need links.
        "POST /api/codings": coders, "PATCH /api/codings/{id}": coders, "DELETE /api/codings/{id}": coders,
        "POST /api/codings/{id}/reattach": coders, "POST /api/codings/{id}/restore": coders,
        "POST /api/memos": coders, "PATCH /api/memos/{id}": coders, "DELETE /api/memos/{id}": coders,
        "POST /api/codebook/codes": coders, "PATCH /api/codebook/codes/{id}": coders,
        "DELETE /api/codebook/codes/{id}": coders, "POST /api/codebook/codes/{id}/merge": coders,
        "POST /api/disagreements/accept": coders, "POST /api/disagreements/dismiss": coders,
        "POST /api/disagreements/discussion": coders,
        "POST /api/needs/{id}/links": coders, "DELETE /api/needs/{id}/links/{solution}": coders,
        // Who did what: the audit log names people.
        "GET /audit": admins,
    ]

    /// What a read-only server (a hot standby, `serve --read-only`) serves besides every GET:
    /// logging in and out, recorded in its own audit log. Every other route changes the study
    /// and is refused there (`ReadOnlyMiddleware`), also one this table does not know.
    static let servedReadOnly: Set<String> = ["POST /login", "POST /logout"]

    static func servedReadOnly(method: HTTPRequest.Method, path: String) -> Bool {
        if method == .get || method == .head { return true }
        return key(method: method, path: path).map(servedReadOnly.contains) ?? false
    }

    /// A table key as `[literal or nil for a capture]`, per method; built once.
    private static let patterns: [(method: String, segments: [Substring?], key: String)] = table.keys.map { key in
        let parts = key.split(separator: " ", maxSplits: 1)
        let segments = parts[1].split(separator: "/").map { $0.hasPrefix("{") && $0.hasSuffix("}") ? nil : $0 }
        return (String(parts[0]), segments, key)
    }

    /// The entry for a request, by method and path: the pattern with the most literal segments
    /// wins (`/static/codes.css` over `/static/{name}`), as in the router.
    static func key(method: HTTPRequest.Method, path: String) -> String? {
        let method = method == .head ? "GET" : method.rawValue
        let segments = path.split(separator: "/")
        var best: (key: String, literals: Int)?
        for pattern in patterns where pattern.method == method && pattern.segments.count == segments.count {
            guard zip(pattern.segments, segments).allSatisfy({ $0.0 == nil || $0.0 == $0.1 }) else { continue }
            let literals = pattern.segments.compactMap { $0 }.count
            if best == nil || literals > best!.literals { best = (pattern.key, literals) }
        }
        return best?.key
    }

    static func access(method: HTTPRequest.Method, path: String) -> Access? {
        key(method: method, path: path).flatMap { table[$0] }
    }

    /// Whether `role` may open the page at `path` (the navigation shows only those).
    static func allows(_ role: Role, _ method: HTTPRequest.Method, _ path: String) -> Bool {
        switch access(method: method, path: path) {
        case .anonymous: true
        case .roles(let roles): roles.contains(role)
        case nil: false
        }
    }
}

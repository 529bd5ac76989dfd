import FieldworkServices
import Hummingbird

/// The `coder=` of a page that counts or lists codings (retrieval, orphans, co-occurrence and its
/// passages, the case matrix and its passages, a document's print view). A name that is no
/// coder's gave an empty table, read as "this coder coded nothing" (found by a new user); it is
/// refused with the nearest names (404), as the APIs (`CoderFilter`) and the CLI's `--coder` do.
enum PageCoderQuery {
    static func coder(_ request: Request, in context: FieldworkContext) async throws -> String? {
        guard let coder = asked(request) else { return nil }
        try await context.requireKnown(coder: coder)
        return coder
    }

    /// The same, for a page that also offers every coder in a picker: `coders` (as the store
    /// lists them) are read once, for both.
    static func coder(_ request: Request, in context: FieldworkContext, among coders: [String]) throws -> String? {
        guard let coder = asked(request) else { return nil }
        try context.requireKnown(coder: coder, among: coders)
        return coder
    }

    private static func asked(_ request: Request) -> String? {
        request.uri.form.get("coder").flatMap { $0.isEmpty ? nil : $0 }
    }
}

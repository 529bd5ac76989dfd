import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird
import HummingbirdCore

/// `/api/agreement` and `/api/cooccurrence`: the numbers `fieldwork agreement --json` and
/// `fieldwork export cooccurrence --json` print, from the same service.
struct AgreementAPI {
    let context: FieldworkContext

    func register(on group: RouterGroup<WebContext>) {
        group.get("agreement", use: agreement)
        group.get("cooccurrence", use: cooccurrence)
    }

    /// `coders=A,B`, `code=ID`, `include_children=true`, `document=DOC` (repeatable).
    static func request(from uri: URI) -> AgreementService.Request {
        let query = uri.form
        // `coders=A,B`, or the page's checkboxes: `coders=A&coders=B`.
        let coders = query.getAll("coders").flatMap { text in
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return AgreementService.Request(
            coders: coders.isEmpty ? nil : coders, code: query.get("code").flatMap { $0.isEmpty ? nil : $0 },
            includeChildren: query.get("include_children") == "true",
            documents: query.getAll("document").filter { !$0.isEmpty })
    }

    @Sendable func agreement(_ request: Request, context web: WebContext) async throws -> JSONBody<AgreementOutput> {
        try BlindPassAPI.refuseComparison("Inter-coder agreement", request, web)
        return JSONBody(value: AgreementOutput(try await context.agreement.agreement(Self.request(from: request.uri))))
    }

    @Sendable func cooccurrence(_ request: Request, context web: WebContext) async throws -> JSONBody<CooccurrenceOutput> {
        let coder = try await CoderFilter.coder(asked: request.uri.form.get("coder"), request, web, in: context)
        return JSONBody(value: CooccurrenceOutput(try await context.agreement.cooccurrence(coder: coder), coder: coder))
    }
}

import FieldworkCore
import FieldworkServices
import Foundation
import Hummingbird

/// Every error the server returns: a status, a stable machine code and a human detail.
/// API clients get `{"error": code, "detail": detail}`; pages get a small escaped HTML page.
public struct APIError: Error, HTTPResponseError, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let detail: String
    /// Extra response headers (`Allow` on a 405).
    public let headers: HTTPFields
    /// The language `detail` is written in: the server's own messages are English; those the
    /// catalogues hold are in the request's language.
    let detailLanguage: InterfaceLanguage

    public init(_ status: HTTPResponse.Status, _ code: String, _ detail: String, headers: HTTPFields = [:]) {
        self.init(status, code, detail, headers: headers, detailLanguage: .en)
    }

    init(_ status: HTTPResponse.Status, _ code: String, _ detail: String, headers: HTTPFields = [:], detailLanguage: InterfaceLanguage) {
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers
        self.detailLanguage = detailLanguage
    }

    /// Maps domain and decoding errors to statuses; anything unexpected is a 500 that says
    /// nothing about internals. `language`: the request's, for the errors the catalogues word.
    public static func from(_ error: any Error, language: InterfaceLanguage = .en) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as CodingError:
            if case .staleDocument = error { return APIError(.conflict, "stale_document", error.description) }
            if case .memoWithheld = error { return APIError(.unprocessableContent, "memo_withheld", error.description) }
            return APIError(.unprocessableContent, "invalid", error.description)
        case let error as MemoError: return APIError(.unprocessableContent, "invalid", error.description)
        case let error as SearchQueryError: return APIError(.unprocessableContent, "invalid", error.description)
        case let error as CodebookEditError:
            return APIError(.unprocessableContent, "invalid", Localizer(language).codebookEdit(error), detailLanguage: language)
        case let error as UnknownName: return APIError(.notFound, "not_found", error.description)
        case let error as StoreError:
            switch error {
            case .notFound: return APIError(.notFound, "not_found", error.description)
            case .staleVersion: return APIError(.conflict, "stale_version", error.description)
            case .conflict: return APIError(.conflict, "conflict", error.description)
            case .duplicateCoding: return APIError(.conflict, "duplicate_coding", error.description)
            }
        case is StoreUnavailable:
            // Not the request's fault, and not for the browser to read about (host names, logins):
            // the cause goes to the server log (`SecurityHeadersMiddleware` logs every 5xx with its error).
            return APIError(.serviceUnavailable, "store_unavailable", "the database is unavailable; try again shortly (the server log says why)")
        case is DecodingError: return APIError(.badRequest, "bad_request", "the request body is not the expected JSON")
        case let error as HTTPError:
            return APIError(error.status, error.status == .notFound ? "not_found" : "bad_request",
                            error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            // Hummingbird's body collection throws NIO's too-many-bytes error past `maxUploadSize`.
            return APIError(.contentTooLarge, "too_large", "the request body is larger than \(WebContext.maxUploadSize / 1024) KiB")
        case let error as any HTTPResponseError where error.status.kind == .clientError:
            return APIError(error.status, "bad_request", error.status.reasonPhrase)
        default: return APIError(.internalServerError, "internal", "something went wrong; see the server log")
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let wantsJSON = request.uri.path.hasPrefix("/api/") || (request.headers[.accept]?.contains("application/json") ?? false)
        if wantsJSON {
            let body = try JSONEncoder().encode(["error": code, "detail": detail])
            var fields = headers
            fields[.contentType] = "application/json; charset=utf-8"
            return Response(status: status, headers: fields,
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        // In the page's language: the status and, for the errors a person meets in the browser, what
        // to do; the detail is the server's own (English) message, marked as such for screen readers.
        let t = Localizer((context as? WebContext)?.language ?? .en)
        let heading = t.has("error.status.\(status.code)") ? t("error.status.\(status.code)") : status.reasonPhrase
        let explanation: SafeHTML = t.has("error.code.\(code)") ? "<p>\(t("error.code.\(code)"))</p>" : SafeHTML()
        // An error with no words of its own (a path no route has) carries the status's English
        // name ("Not Found"), which the heading already says in the page's language: on a
        // Swedish page it stood in English between Swedish lines.
        let own: SafeHTML = detail == status.reasonPhrase ? SafeHTML() : "<p class=\"detail\" lang=\"\(detailLanguage.rawValue)\">\(detail)</p>"
        let page = HTML.document(title: "\(status.code) \(heading)", language: t.language.rawValue, body: """
            <main class="error"><h1>\(heading)</h1>\(explanation)\(own)\
            <p><a href="/">\(t("error.home"))</a></p></main>
            """)
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields,
                        body: .init(byteBuffer: ByteBuffer(string: page.rendered)))
    }
}

import HTTPTypes
import Hummingbird
import HummingbirdCore

/// `limit` and `offset` of a paged list (`/api/documents`, `/api/retrieval`), and the
/// `Link: <…offset=N…>; rel="next"` header that points at the page after this one.
struct APIPaging {
    let limit: Int
    let offset: Int

    init(_ uri: URI, defaultLimit: Int, maximumLimit: Int) throws {
        let query = uri.queryParameters
        limit = try query.get("limit").map { text in
            guard let value = Int(text), (1...maximumLimit).contains(value) else {
                throw APIError(.badRequest, "bad_request", "limit must be a whole number from 1 to \(maximumLimit)")
            }
            return value
        } ?? defaultLimit
        offset = try query.get("offset").map { text in
            guard let value = Int(text), value >= 0 else { throw APIError(.badRequest, "bad_request", "offset must be a whole number, 0 or more") }
            return value
        } ?? 0
    }

    /// Sets the `next` link when more follow the `count` items of this page (the other query
    /// parameters are kept).
    func link(_ response: inout Response, path: String, uri: URI, count: Int, more: Bool) {
        guard more else { return }
        var parameters = uri.queryParameters.filter { $0.key != "offset" && $0.key != "limit" }
            .map { "\(RetrievalPage.percentEncode(String($0.key)))=\(RetrievalPage.percentEncode(String($0.value)))" }
        parameters += ["limit=\(limit)", "offset=\(offset + count)"]
        response.headers[HTTPField.Name("Link")!] = "<\(path)?\(parameters.joined(separator: "&"))>; rel=\"next\""
    }
}

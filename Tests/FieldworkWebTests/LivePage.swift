import HTTPTypes
import Hummingbird
import HummingbirdTesting

extension Browser {
    /// A page's HTML as this browser gets it, asking for `language` (`Accept-Language`).
    func page(_ client: some TestClientProtocol, _ uri: String, language: String = "en") async throws -> String {
        var fields = headers
        fields[.acceptLanguage] = language
        return try await client.execute(uri: uri, method: .get, headers: fields) { String(buffer: $0.body) }
    }
}

import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A page's `coder=` naming no coder (a typo in a bookmark, a colleague's name misspelt) showed an
/// empty table, read as "this coder coded nothing", where the APIs and the CLI refuse the name
/// with the nearest ones (found by a new user). Each page that counts or lists codings refuses
/// it the same way, as a page in the browser's language with the detail.
@Suite struct UnknownCoderPageTests {
    static let pages = ["/retrieval?code=barrier&coder=", "/orphans?coder=", "/cooccurrence?coder=",
                        "/cooccurrence/passages?a=barrier&b=need&coder=", "/matrix?coder=",
                        "/matrix/passages?row=R01&code=barrier&coder=", "/documents/int-001/print?coder="]

    @Test func aCoderWhoIsNoneIsRefusedWithTheNearestNamesOnEveryPage() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for page in Self.pages {
                try await client.execute(uri: page + "Ana", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .notFound, "\(page)Ana")
                    let html = String(buffer: response.body)
                    #expect(html.contains("no coder &#39;Ana&#39; with codings; did you mean Anna")
                            || html.contains("no coder 'Ana' with codings; did you mean Anna"), "\(page): \(html)")
                }
                try await client.execute(uri: page + "Bo", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(page)Bo: \(String(buffer: response.body).prefix(300))")
                }
            }
        }
    }
}

import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A `coder=` naming no coder: `/api/agreement` and the CLI's `--coder` refuse it with the nearest
/// names, but co-occurrence, retrieval and the codings list answered 200 with nothing, read as
/// "no codings" (found by a new user). Every route refuses it the same way now, and the blind
/// pass's own-coder rules stay as they were.
@Suite struct UnknownCoderAPITests {
    static let routes = ["/api/cooccurrence?coder=", "/api/retrieval?code=barrier&coder=", "/api/retrieval.csv?code=barrier&coder=",
                         "/api/codings?coder=", "/api/agreement?coders=Anna,"]

    @Test func aCoderWhoIsNoneIsRefusedWithTheNearestNamesEverywhere() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for route in Self.routes {
                for (name, nearest) in [("Nobody", "did you mean "), ("Ana", "did you mean Anna")] {
                    try await client.execute(uri: route + name, method: .get, headers: browser.headers) { response in
                        #expect(response.status == .notFound, "\(route)\(name)")
                        let body = jsonObject(response.body)
                        #expect(body?["error"] as? String == "not_found", "\(route)\(name)")
                        #expect((body?["detail"] as? String)?.hasPrefix("no coder '\(name)' with codings; \(nearest)") == true,
                                "\(route)\(name): \(String(buffer: response.body))")
                    }
                }
                // A coder who is there is answered as before.
                try await client.execute(uri: route + "Bo", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(route)Bo")
                }
            }
            // The person acting is known before their first coding: an empty list, not a refusal.
            var nova = browser.headers
            nova[.cookie] = browser.cookie + "; fieldwork_coder=Nova"
            try await client.execute(uri: "/api/codings?coder=Nova", method: .get, headers: nova) { response in
                #expect(response.status == .ok && jsonArray(response.body)?.isEmpty == true, "\(String(buffer: response.body))")
            }
            // A blind pass: the coder's own name is answered, another name (known or not) is the
            // pass's refusal, as before.
            let blind = BlindPassAPITests.blind(browser)
            try await client.execute(uri: "/api/codings?coder=Anna", method: .get, headers: blind) { response in
                #expect(response.status == .ok)
            }
            for name in ["Bo", "Nobody"] {
                try await client.execute(uri: "/api/cooccurrence?coder=\(name)", method: .get, headers: blind) { response in
                    try BlindPassAPITests.refused(response, name)
                }
            }
        }
    }
}

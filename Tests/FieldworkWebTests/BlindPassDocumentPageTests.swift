import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Over a real socket: during a blind pass the document page holds the coder's own codings only.
/// blind.js hid the others' highlights, but the page carried them (ids, codes, coder names), one
/// "view source" away from the comparison the pass is meant to keep out of sight.
@Suite struct BlindPassDocumentPageTests {
    @Test func theDocumentPageHoldsOnlyTheCodersOwnCodingsDuringABlindPass() async throws {
        let fixture = try await WebFixture()
        _ = try await AgreementAPITests.code(fixture)
        let bos = try await fixture.context.codings.list(CodingFilter(coder: "Bo")).filter { $0.documentID == "int-001" }
        let annas = try await fixture.context.codings.list(CodingFilter(coder: "Anna")).filter { $0.documentID == "int-001" }
        #expect(!bos.isEmpty && !annas.isEmpty)
        try await fixture.app(port: 0).test(.live) { client in
            let browser = try await Browser.signIn(client, token: fixture.token, host: "localhost:\(try #require(client.port))")
            // Out of the pass first: everyone's codings are drawn (and the page is kept that way).
            var everyone = ""
            try await client.execute(uri: "/documents/int-001", method: .get, headers: browser.headers) { response in
                everyone = String(buffer: response.body)
            }
            #expect((bos + annas).allSatisfy { everyone.contains("data-coding=\"\($0.id)\"") })
            #expect(!everyone.contains("data-only-coder"))
            try await client.execute(uri: "/documents/int-001", method: .get, headers: BlindPassAPITests.blind(browser)) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("data-only-coder=\"Anna\""))
                #expect(annas.allSatisfy { html.contains("data-coding=\"\($0.id)\"") })
                #expect(!bos.contains { html.contains($0.id) })
                #expect(!html.contains("data-coder=\"Bo\""))
            }
            // And out of the pass again: the blind drawing was kept apart, not served to everyone.
            try await client.execute(uri: "/documents/int-001", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body) == everyone)
            }
        }
    }
}

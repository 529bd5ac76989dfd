import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The print view's first line counts codings, not passages: three coders' codings of one
/// sentence read "34 coded passages" for the sample's int-001, whose 34 codings cover far fewer
/// passages (found by a new user).
@Suite struct DocumentPrintSummaryTests {
    @Test func theSummaryCountsCodingsInBothLanguages() async throws {
        let fixture = try await WebFixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let span = try await fixture.span(of: "Men eftermiddagen, från två till sex, då är det tyst här.", in: "int-001")
        for coder in ["Anna", "Bo"] {
            _ = try await fixture.context.codings.add(document: "int-001", span: span, code: "need.social_contact", coder: coder)
        }
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for (headers, expected) in [(browser.headers, "<p class=\"print-summary\">2 codings, with their codes, coders and memos.</p>"),
                                        (browser.swedishHeaders, "<p class=\"print-summary\">2 kodningar, med koder, kodare och memon.</p>")] {
                try await client.execute(uri: "/documents/int-001/print", method: .get, headers: headers) { response in
                    #expect(String(buffer: response.body).contains(expected))
                }
            }
            try await client.execute(uri: "/documents/int-001/print?coder=Bo", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<p class=\"print-summary\">1 coding by Bo, with its code and memo.</p>"))
            }
        }
    }
}

import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `GET /api/codings` and `code list --json` emptied the quote, context and memo of a coding on
/// withheld words but did not say why: an empty quote read as a coding of nothing (found by a new
/// user). Each coding now says `withheld` (the consent rule's reason) or null.
@Suite struct WithheldCodingReasonTests {
    @Test func aListedCodingOnWithheldWordsSaysWhy() async throws {
        let fixture = try await ConsentEveryRouteTests.fixture()
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let segments = try await fixture.context.store.segments(documentID: "int-021")
        let speakers = Dictionary(segments.compactMap { segment in segment.speaker.map { ($0, segment.start) } }, uniquingKeysWith: { first, _ in first })
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let codings = try await client.execute(uri: "/api/codings?document=int-021&coder=Anna", method: .get, headers: browser.headers) { response in
                #expect(response.status == .ok)
                return try #require(jsonArray(response.body) as? [[String: Any]])
            }
            func listed(_ speaker: String) throws -> [String: Any] {
                let start = try #require(speakers[speaker])
                return try #require(codings.first { $0["start"] as? Int == start }, "\(speaker)")
            }
            // R27 withdrew: no words, and the listing says so.
            let withdrawn = try listed("R27")
            #expect(withdrawn["quote"] as? String == "")
            #expect(withdrawn["withheld"] as? String == ConsentRule.Reason.withdrawn.rawValue)
            // R28 gave no consent.
            #expect(try listed("R28")["withheld"] as? String == ConsentRule.Reason.notGiven.rawValue)
            // R26's words may be shown (not quoted in handouts): shown here, withheld null.
            let shown = try listed("R26")
            #expect((shown["quote"] as? String)?.contains(ConsentEveryRouteTests.word("R26")) == true)
            #expect(shown.keys.contains("withheld") && shown["withheld"] is NSNull)
        }
        // The service both faces call gives the same reasons.
        let listing = try await fixture.context.codings.shown(CodingFilter(documentID: "int-021", coder: "Anna"))
        #expect(listing.first { $0.coding.start == speakers["R27"] }?.withheld == .withdrawn)
        #expect(listing.first { $0.coding.start == speakers["R26"] }.map { $0.withheld == nil } == true)
    }
}

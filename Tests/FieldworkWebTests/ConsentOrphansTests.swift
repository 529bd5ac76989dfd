import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Orphaned codings under the consent rule. An orphan's words come from an earlier text and its
/// old position may now lie in someone else's turn, so beside withheld words its quote, context
/// and memo are withheld on every route that lists it (found by a new user: `/orphans` showed a
/// withdrawn participant's words, read from the store past the consent rule).
@Suite struct ConsentOrphansTests {
    /// R22 withdrew after the interview, or not.
    static func participants(withdrawn: Bool) -> String { ConsentStates.twoResidents(secondWithdrawn: withdrawn) }

    static func transcript(_ turns: String) -> String {
        """
        ---
        id: int-031
        type: interview
        title: Eftermiddagar
        date: 2025-03-12
        participants: [R21, R22]
        ---

        """ + turns
    }

    static let before = """
        **R21:** Jag säger ordetr21x om natten och larmet.

        **R22:** Jag säger ordetr22x om eftermiddagen, från två till sex.

        """

    /// A new turn first, so every old position now lies elsewhere, and both old turns rewritten
    /// beyond recognition: both codings are orphaned.
    static let after = """
        **R21:** En helt ny tur som flyttar allt det gamla längre fram i texten, med många fler ord än förut.

        **R21:** Numera sover jag bättre, tack vare lampan i hallen.

        **R22:** Nu är det annorlunda på dagarna, det kommer folk hit.

        """

    static func fixture(withdrawn: Bool) async throws -> WebFixture {
        let fixture = try await WebFixture(files: [
            "corpus/participants.yaml": participants(withdrawn: false),
            "codebooks/codebook.yaml": "title: Codebook\ncodes:\n  - {id: need, name: Needs, kind: need}\n",
            "corpus/int-031.md": transcript(before),
        ])
        for segment in try await fixture.context.store.segments(documentID: "int-031") {
            _ = try await fixture.context.codings.add(document: "int-031", span: segment.start..<segment.end, code: "need",
                                                      coder: "Anna", memo: "memo \(segment.index)")
        }
        try Data(transcript(after).utf8).write(to: fixture.root.appending(path: "corpus/int-031.md"))
        try Data(participants(withdrawn: withdrawn).utf8).write(to: fixture.root.appending(path: "corpus/participants.yaml"))
        #expect(try await fixture.context.ingest.ingest().succeeded)
        #expect(try await fixture.context.store.codings(CodingFilter(documentID: "int-031", status: .orphaned)).count == 2)
        return fixture
    }

    static let routes = ["/orphans", "/orphans?coder=Anna", "/documents/int-031", "/documents/int-031/print",
                         "/api/codings?document=int-031", "/api/codings?status=orphaned"]

    @Test func anOrphansWordsAreWithheldBesideWithheldWords() async throws {
        let fixture = try await Self.fixture(withdrawn: true)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let orphans = try await fixture.context.store.codings(CodingFilter(documentID: "int-031", status: .orphaned))
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for uri in Self.routes + orphans.map({ "/documents/int-031?reattach=\($0.id)" }) {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let body = String(buffer: response.body)
                    // R22 withdrew; whose words R21's orphan held can no longer be known either.
                    #expect(!body.contains("ordetr22x") && !body.contains("eftermiddagen"), "\(uri) shows R22's old words")
                    #expect(!body.contains("ordetr21x"), "\(uri) shows an orphan's words beside withheld words")
                    #expect(!body.contains("memo 0") && !body.contains("memo 1"), "\(uri) shows an orphan's memo")
                    // Pages say the words are withheld instead of empty quote marks.
                    if !uri.hasPrefix("/api") && !uri.hasSuffix("/print") {
                        #expect(body.contains("its words are withheld (consent)") && !body.contains("<q></q>"), "\(uri)")
                    }
                }
            }
        }
    }

    @Test func withNothingWithheldOrphansKeepTheirWords() async throws {
        let fixture = try await Self.fixture(withdrawn: false)
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            for uri in ["/orphans", "/documents/int-031", "/api/codings?status=orphaned"] {
                try await client.execute(uri: uri, method: .get, headers: browser.headers) { response in
                    let body = String(buffer: response.body)
                    #expect(body.contains("ordetr21x") && body.contains("ordetr22x"), "\(uri)")
                }
            }
            // The document's orphans and the re-attach banner say whose they are, as /orphans does
            // (a new user met identical rows from three coders).
            let orphan = try #require(try await fixture.context.store.codings(CodingFilter(documentID: "int-031", status: .orphaned)).first)
            try await client.execute(uri: "/documents/int-031", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<span class=\"orphan-coder\">Anna</span>"))
            }
            try await client.execute(uri: "/documents/int-031?reattach=\(orphan.id)", method: .get, headers: browser.headers) { response in
                #expect(String(buffer: response.body).contains("<strong>Needs</strong>, Anna"))
            }
        }
    }
}

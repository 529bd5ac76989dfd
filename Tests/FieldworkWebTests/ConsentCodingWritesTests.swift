import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The answer to a coding write under the consent rule. `/api/codings` withholds the words of a
/// resident who withdrew, but every write answered the coding with its quote and context read
/// from the text: saving a memo on a coding in a withdrawn resident's turn (the document page
/// offers it: the chips stay) gave the words back (found by a new user). Each write now answers
/// the coding as the list shows it; a memo withheld with the words cannot be written over unseen.
@Suite struct ConsentCodingWritesTests {
    /// R21 consents; R22 withdrew after the interview (as in `ConsentOrphansTests`).
    static let participants = ConsentOrphansTests.participants(withdrawn: true)

    static let transcript = """
        ---
        id: int-032
        type: interview
        title: Eftermiddagar
        date: 2025-03-12
        participants: [R21, R22]
        ---
        **R21:** Jag säger ordetr21x om natten och larmet.

        **R22:** Jag säger ordetr22x om eftermiddagen, från två till sex.

        """

    /// R22's words, which no answer may hold.
    static let withheldWords = ["ordetr22x", "eftermiddagen", "från två till sex"]

    @Test func everyCodingWriteAnswersWithoutWithheldWords() async throws {
        let fixture = try await WebFixture(files: [
            "corpus/participants.yaml": Self.participants,
            "codebooks/codebook.yaml": "title: Codebook\ncodes:\n  - {id: need, name: Needs, kind: need}\n  - {id: barrier, name: Barriers, kind: barrier}\n",
            "corpus/int-032.md": Self.transcript,
        ])
        defer { try? FileManager.default.removeItem(at: fixture.root) }
        let turn = try #require(try await fixture.context.store.segments(documentID: "int-032").first { $0.index == 1 })
        let words = try await fixture.span(of: "ordetr22x om eftermiddagen", in: "int-032")
        let later = try await fixture.span(of: "från två till sex", in: "int-032")
        // Another coder's coding of the turn, so that the consensus has something to take in.
        _ = try await fixture.context.codings.add(document: "int-032", span: turn.start..<turn.end, code: "barrier", coder: "Bo")

        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func expectNoWithheldWords(_ response: TestResponse, _ what: String) throws -> [String: Any] {
                let body = String(buffer: response.body)
                for word in Self.withheldWords { #expect(!body.contains(word), "\(what) answers R22's words: \(body)") }
                let coding = try #require(jsonObject(response.body), "\(what): \(body)")
                #expect(coding["quote"] as? String == "" && coding["memo"] is NSNull, "\(what)")
                return coding
            }
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                              body: try body(["document": "int-032", "start": words.lowerBound, "end": words.upperBound,
                                                              "code": "need", "coder": "Anna", "memo": "första"])) { response in
                #expect(response.status == .created)
                return try #require(try expectNoWithheldWords(response, "create")["id"] as? String)
            }
            // Its memo is withheld with the words: the card shows an empty box, and saving it
            // replaced the memo for good. Refused; the code can still change.
            try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "memo": "ny tanke", "coder": "Anna"])) { response in
                #expect(response.status == .unprocessableContent)
                #expect(errorCode(response.body) == "memo_withheld")
            }
            #expect(try await fixture.context.store.coding(id: id)?.memo == "första")
            try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "code": "barrier", "coder": "Anna"])) { response in
                #expect(response.status == .ok)
                _ = try expectNoWithheldWords(response, "code change")
            }
            try await client.execute(uri: "/api/codings/\(id)/reattach", method: .post, headers: browser.writeHeaders,
                                     body: try body(["version": 2, "start": later.lowerBound, "end": later.upperBound, "coder": "Anna"])) { response in
                #expect(response.status == .ok)
                _ = try expectNoWithheldWords(response, "re-attach")
            }
            try await client.execute(uri: "/api/codings/\(id)?coder=Anna&version=3", method: .delete, headers: browser.writeHeaders) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/codings/\(id)/restore", method: .post, headers: browser.writeHeaders,
                                     body: try body(["version": 4, "coder": "Anna"])) { response in
                #expect(response.status == .ok)
                _ = try expectNoWithheldWords(response, "restore")
            }
            try await client.execute(uri: "/api/disagreements/accept", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-032", "start": turn.start, "end": turn.end,
                                                     "code": "barrier", "by": "Maja Lind"])) { response in
                // Withheld words are never a disputed passage; whatever the answer, it holds none of them.
                let body = String(buffer: response.body)
                for word in Self.withheldWords { #expect(!body.contains(word), "accept answers R22's words: \(body)") }
            }
            // Without a memo there is nothing to lose: one may be written.
            let bare = try await fixture.context.codings.add(document: "int-032", span: words, code: "need", coder: "Bo")
            try await client.execute(uri: "/api/codings/\(bare.id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "memo": "samtycket återkallat", "coder": "Bo"])) { response in
                #expect(response.status == .ok)
            }
            // R21's words, which consent allows, are still answered.
            let allowed = try await fixture.span(of: "ordetr21x om natten", in: "int-032")
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders,
                                     body: try body(["document": "int-032", "start": allowed.lowerBound, "end": allowed.upperBound,
                                                     "code": "need", "coder": "Anna"])) { response in
                #expect(response.status == .created)
                #expect(jsonObject(response.body)?["quote"] as? String == "ordetr21x om natten")
            }
        }
    }
}

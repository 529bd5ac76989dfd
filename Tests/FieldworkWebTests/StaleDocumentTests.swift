import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A page opened before a re-ingest counts offsets in the old text: its writes carry the
/// revision and the selected words, and land only where those words still are.
@Suite struct StaleDocumentTests {
    @Test func aSpanFromAnOutdatedPageIsRefusedUnlessItStillHoldsTheSelectedWords() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            let before = try #require(try await fixture.context.store.document(id: "int-001"))
            let oldText = ScalarText(before.plainText)
            let lamp = "Jag har lampan tänd i hallen"
            let lampStart = try #require(oldText.occurrences(of: Array(lamp.unicodeScalars)).first)
            let lampSpan = lampStart..<(lampStart + lamp.unicodeScalars.count)
            let early = "Du nämnde i telefon"
            let earlyStart = try #require(oldText.occurrences(of: Array(early.unicodeScalars)).first)

            // The transcript is corrected and ingested while the page stays open: words are
            // inserted between the two passages, so the lamp moves and the early words do not.
            let file = fixture.root.appending(path: "corpus/interviews/int-001.md")
            let source = try String(contentsOf: file, encoding: .utf8)
            try source.replacingOccurrences(of: "**R01:** Otryggt.", with: "**R01:** Otryggt, faktiskt, väldigt otryggt.")
                .write(to: file, atomically: true, encoding: .utf8)
            #expect(try await fixture.context.ingest.ingest().succeeded)
            let after = try #require(try await fixture.context.store.document(id: "int-001"))
            #expect(after.revision == before.revision + 1)
            let codingsBefore = try await fixture.context.store.counts().codings

            // Old offsets of the lamp now hold other words: 409 stale_document, nothing stored.
            let stale: [String: Any] = ["document": "int-001", "start": lampSpan.lowerBound, "end": lampSpan.upperBound,
                                        "code": "need.safety.night", "coder": "Anna", "revision": before.revision, "quote": lamp]
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(stale)) { response in
                #expect(response.status == .conflict)
                #expect(errorCode(response.body) == "stale_document")
            }
            // Without the words, an old revision cannot be trusted either.
            var noQuote = stale
            noQuote["quote"] = nil
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body(noQuote)) { response in
                #expect(response.status == .conflict)
            }
            #expect(try await fixture.context.store.counts().codings == codingsBefore)

            // Words the edit did not move: the old offsets still hold them, so the write is accepted.
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body([
                "document": "int-001", "start": earlyStart, "end": earlyStart + early.unicodeScalars.count,
                "code": "need", "coder": "Anna", "revision": before.revision, "quote": early,
            ])) { response in
                #expect(response.status == .created)
                #expect(jsonObject(response.body)?["quote"] as? String == early)
                return try #require(jsonObject(response.body)?["id"] as? String)
            }

            // Re-attach has the same guard.
            try await client.execute(uri: "/api/codings/\(id)/reattach", method: .post, headers: browser.writeHeaders, body: try body([
                "version": 1, "start": lampSpan.lowerBound, "end": lampSpan.upperBound, "revision": before.revision, "quote": lamp,
            ])) { response in
                #expect(response.status == .conflict)
                #expect(errorCode(response.body) == "stale_document")
            }
            #expect(try await fixture.context.store.coding(id: id)?.quote == early)

            // On the current revision the words are found where the page now shows them.
            let newText = ScalarText(after.plainText)
            let newStart = try #require(newText.occurrences(of: Array(lamp.unicodeScalars)).first)
            #expect(newStart != lampStart)
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body([
                "document": "int-001", "start": newStart, "end": newStart + lamp.unicodeScalars.count,
                "code": "need.safety.night", "coder": "Anna", "revision": after.revision, "quote": lamp,
            ])) { response in
                #expect(response.status == .created)
                #expect(jsonObject(response.body)?["quote"] as? String == lamp)
            }
        }
    }
}

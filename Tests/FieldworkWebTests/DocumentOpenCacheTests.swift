import FieldworkCore
import FieldworkServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Opening a document keeps what only changes with its text (text, segments, attribution, the
/// HTML of segments) between opens; through the real router, every change that matters must
/// show on the next open: a re-ingested text, a code renamed, a coding added, consent withdrawn
/// (today's register), a participant erased (their interview gone, their passages cut).
@Suite struct DocumentOpenCacheTests {
    @Test func theNextOpenShowsEveryChangeThoughTheTextWasKept() async throws {
        let fixture = try await WebFixture()
        // In process (the router with every middleware): a live client's 20-second read timeout
        // failed this long test on a loaded CI machine, where PostgreSQL work between requests
        // took minutes.
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func page(_ id: String) async throws -> String {
                try await client.execute(uri: "/documents/\(id)", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    return String(buffer: response.body)
                }
            }
            func apiText(_ id: String) async throws -> String {
                try await client.execute(uri: "/api/documents/\(id)", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    return try #require(jsonObject(response.body)?["text"] as? String)
                }
            }
            // Opened twice: the second open is served from what the first one kept.
            for _ in 0..<2 {
                #expect(try await page("int-001").contains("Otryggt. Jag har lampan"))
                #expect(try await apiText("int-001").contains("Otryggt. Jag har lampan"))
                _ = try await page("int-002")
                _ = try await page("ws-001")
            }
            #expect(fixture.context.documentCache.count >= 3)

            // Re-ingest: the corrected words, never the old ones.
            let file = fixture.root.appending(path: "corpus/interviews/int-001.md")
            try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "**R01:** Otryggt.", with: "**R01:** Väldigt otryggt.")
                .write(to: file, atomically: true, encoding: .utf8)
            #expect(try await fixture.context.ingest.ingest().succeeded)
            let corrected = try await page("int-001")
            #expect(corrected.contains("Väldigt otryggt. Jag har lampan") && !corrected.contains("Otryggt. Jag har lampan"))
            #expect(try await apiText("int-001").contains("Väldigt otryggt."))

            // A coding added, then its code renamed: the chip shows the new name at once.
            let text = ScalarText(try #require(try await fixture.context.store.document(id: "int-001")).plainText)
            let start = try #require(text.occurrences(of: Array("Jag har lampan".unicodeScalars)).first)
            try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body([
                "document": "int-001", "start": start, "end": start + 14, "code": "need.safety.night", "coder": "Anna",
            ])) { #expect($0.status == .created) }
            #expect(try await page("int-001").contains("data-code=\"need.safety.night\""))
            try await client.execute(uri: "/api/codebook/codes/need.safety.night", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["name": "Nattens otrygghet", "language": "en"])) { #expect($0.status == .ok) }
            #expect(try await page("int-001").contains("Nattens otrygghet"))

            // R01 withdraws consent: the register changes, the text does not; withheld at once.
            let register = fixture.root.appending(path: "corpus/participants.yaml")
            let given = "          - {event: given, date: 2025-02-20, by: Anna, how: \"signed paper form, read aloud\"}\n"
            let withdrawn = try String(contentsOf: register, encoding: .utf8)
                .replacingOccurrences(of: given, with: given + "          - {event: withdrawn, date: 2025-06-01, by: Anna, how: phone}\n")
            #expect(withdrawn.contains("event: withdrawn, date: 2025-06-01"))
            try Data(withdrawn.utf8).write(to: register)
            #expect(try await fixture.context.ingest.ingest().succeeded)
            let withheld = try await page("int-001")
            #expect(!withheld.contains("Jag har lampan") && withheld.contains("withheld: consent (consent withdrawn)"))
            #expect(!(try await apiText("int-001")).contains("Jag har lampan"))

            // R02 is erased: their interview is gone, their group's passages cut from the workshop.
            let workshopBefore = try await apiText("ws-001")
            let report = try await fixture.context.erasure.run(try await fixture.context.erasure.plan("R02"))
            #expect(report.removedFiles.contains { $0.hasSuffix("int-002.md") })
            #expect(report.redactedFiles.contains { $0.path.hasSuffix("ws-001.md") })
            try await client.execute(uri: "/documents/int-002", method: .get, headers: browser.headers) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/documents/int-002", method: .get, headers: browser.headers) { #expect($0.status == .notFound) }
            let stored = try #require(try await fixture.context.store.document(id: "ws-001")).plainText
            let cut = workshopBefore.split(separator: "\n").map(String.init).filter { $0.count > 12 && !stored.contains($0) }
            #expect(!cut.isEmpty)
            let workshop = try await page("ws-001") + (try await apiText("ws-001"))
            for line in cut { #expect(!workshop.contains(line)) }
        }
    }

    /// A coded segment's HTML is kept too, under a key of what it shows: every change to its
    /// codings (another code, a second coder with another mark, a removal) redraws it at once.
    @Test func aCodedSegmentIsRedrawnWhenItsCodingsChange() async throws {
        let fixture = try await WebFixture()
        try await fixture.app().test(.router) { client in
            let browser = try await Browser.signIn(client, token: fixture.token)
            func page() async throws -> String {
                try await client.execute(uri: "/documents/int-001", method: .get, headers: browser.headers) { response in
                    #expect(response.status == .ok)
                    return String(buffer: response.body)
                }
            }
            func chips(_ html: String) -> [String] {
                html.components(separatedBy: "class=\"chip ").dropFirst().map { String($0.prefix { $0 != ">" }) }
            }
            let text = ScalarText(try #require(try await fixture.context.store.document(id: "int-001")).plainText)
            let start = try #require(text.occurrences(of: Array("Jag har lampan".unicodeScalars)).first)
            let id = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body([
                "document": "int-001", "start": start, "end": start + 14, "code": "need.safety.night", "coder": "Anna",
            ])) { try #require(jsonObject($0.body)?["id"] as? String) }
            let first = try await page()
            #expect(try await page() == first)  // the second open is served from what the first kept
            #expect(chips(first).filter { $0.contains(id) }.count == 1 && first.contains("data-code=\"need.safety.night\""))

            try await client.execute(uri: "/api/codings/\(id)", method: .patch, headers: browser.writeHeaders,
                                     body: try body(["version": 1, "code": "need.safety", "coder": "Anna"])) { #expect($0.status == .ok) }
            let recoded = try await page()
            #expect(recoded.contains("data-coding=\"\(id)\" data-code=\"need.safety\"") && !recoded.contains("data-code=\"need.safety.night\""))

            // A second coder on the same words: a second chip with another mark beside the first.
            let second = try await client.execute(uri: "/api/codings", method: .post, headers: browser.writeHeaders, body: try body([
                "document": "int-001", "start": start, "end": start + 7, "code": "need", "coder": "Bo",
            ])) { try #require(jsonObject($0.body)?["id"] as? String) }
            let both = try await page()
            let marks = chips(both).filter { $0.contains(id) || $0.contains(second) }.map { $0.split(separator: "\"")[0] }
            #expect(marks.count == 2 && Set(marks).count == 2)

            try await client.execute(uri: "/api/codings/\(id)?coder=Anna&version=2", method: .delete, headers: browser.writeHeaders) {
                #expect($0.status == .noContent)
            }
            let removed = try await page()
            #expect(!removed.contains("data-coding=\"\(id)\"") && removed.contains("data-coding=\"\(second)\""))
        }
    }
}

import NIOFoundationEssentialsCompat
import FieldworkServices
import FieldworkWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// `/api/documents/{id}/recording` over a real socket: byte ranges as media elements ask for
/// them, never cached, and refused when consent lacks `recording`, when the file is gone or when
/// its path leads out of the workspace (a symbolic link). The document page says which.
@Suite struct RecordingAPITests {
    /// 1,000 bytes, each its offset modulo 256: any slice shows where it came from.
    static let bytes = Data((0..<1000).map { UInt8($0 % 256) })

    static func transcript(_ id: String, participant: String, media: String) -> String {
        """
        ---
        id: \(id)
        type: interview
        title: Inspelning \(id)
        date: 2025-03-12
        participants: [\(participant)]
        media: \(media)
        ---
        **\(participant):** [00:00:02] Jag hör larmet om natten.

        **\(participant):** [00:00:07] Sedan somnar jag om.

        """
    }

    static func fixture() async throws -> (WebFixture, outside: URL) {
        let fixture = try await WebFixture(files: [
            "corpus/participants.yaml": """
                participants:
                  - id: R01
                    role: resident
                    consents:
                      - {id: c1, date: 2025-01-01, scopes: [interview, recording]}
                  - id: R02
                    role: resident
                    consents:
                      - {id: c2, date: 2025-01-01, scopes: [interview, quote]}
                  - id: R03
                    role: resident
                    consents:
                      - {id: c3, date: 2025-01-01, scopes: [interview, recording], withdrawn: 2025-06-01}
                """,
            "codebooks/codebook.yaml": "title: Codebook\ncodes: [{id: need, name: Needs, kind: need}]\n",
            "corpus/int-a.md": transcript("int-a", participant: "R01", media: "recordings/a.wav"),
            "corpus/int-b.md": transcript("int-b", participant: "R02", media: "recordings/b.wav"),
            "corpus/int-c.md": transcript("int-c", participant: "R01", media: "recordings/gone.wav"),
            "corpus/int-d.md": transcript("int-d", participant: "R01", media: "recordings/link.wav"),
            "corpus/int-e.md": transcript("int-e", participant: "R03", media: "recordings/a.wav"),
        ])
        let recordings = fixture.root.appending(path: "recordings")
        try FileManager.default.createDirectory(at: recordings, withIntermediateDirectories: true)
        try bytes.write(to: recordings.appending(path: "a.wav"))
        try bytes.write(to: recordings.appending(path: "b.wav"))
        // A file outside the workspace, reached through a link inside it.
        let outside = FileManager.default.temporaryDirectory.appending(path: "fieldwork-outside-\(UUID().uuidString).wav")
        try bytes.write(to: outside)
        try FileManager.default.createSymbolicLink(at: recordings.appending(path: "link.wav"), withDestinationURL: outside)
        return (fixture, outside)
    }

    func get(_ client: some TestClientProtocol, _ browser: Browser, _ id: String, range: String? = nil) async throws -> TestResponse {
        var headers = browser.headers
        if let range { headers[.range] = range }
        return try await client.execute(uri: "/api/documents/\(id)/recording", method: .get, headers: headers) { $0 }
    }

    @Test func servesTheWholeFileAndByteRanges() async throws {
        let (fixture, outside) = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: outside) }
        try await fixture.app(port: 0).test(.live) { client in
            let host = "localhost:\(try #require(client.port))"
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)

            let whole = try await get(client, browser, "int-a")
            #expect(whole.status == .ok)
            #expect(whole.headers[.contentType] == "audio/wav")
            #expect(whole.headers[.acceptRanges] == "bytes")
            #expect(whole.headers[.cacheControl] == "no-store")
            #expect(whole.headers[.contentLength] == "1000")
            #expect(Data(buffer: whole.body) == Self.bytes)

            let part = try await get(client, browser, "int-a", range: "bytes=100-199")
            #expect(part.status == .partialContent)
            #expect(part.headers[.contentRange] == "bytes 100-199/1000")
            #expect(part.headers[.contentLength] == "100")
            #expect(part.headers[.cacheControl] == "no-store")
            #expect(Data(buffer: part.body) == Self.bytes[100..<200])

            // What a media element sends first, and a range past the end clamped to it.
            let open = try await get(client, browser, "int-a", range: "bytes=990-")
            #expect(open.status == .partialContent)
            #expect(open.headers[.contentRange] == "bytes 990-999/1000")
            #expect(Data(buffer: open.body) == Self.bytes[990..<1000])
            let clamped = try await get(client, browser, "int-a", range: "bytes=995-5000")
            #expect(clamped.headers[.contentRange] == "bytes 995-999/1000")

            let suffix = try await get(client, browser, "int-a", range: "bytes=-10")
            #expect(suffix.status == .partialContent)
            #expect(suffix.headers[.contentRange] == "bytes 990-999/1000")
            #expect(Data(buffer: suffix.body) == Self.bytes[990..<1000])

            for unsatisfiable in ["bytes=1000-", "bytes=5000-6000", "bytes=-0"] {
                let refused = try await get(client, browser, "int-a", range: unsatisfiable)
                #expect(refused.status == .rangeNotSatisfiable, "\(unsatisfiable)")
                #expect(refused.headers[.contentRange] == "bytes */1000", "\(unsatisfiable)")
            }
            // A header the server may ignore: the whole file.
            let ignored = try await get(client, browser, "int-a", range: "bytes=0-1,5-6")
            #expect(ignored.status == .ok)
            #expect(ignored.body.readableBytes == 1000)

            let openAPI = try await client.execute(uri: "/api/openapi.json", method: .get, headers: browser.headers) { jsonObject($0.body) }
            let route = (openAPI?["paths"] as? [String: Any])?["/api/documents/{id}/recording"] as? [String: Any]
            let responses = ((route?["get"] as? [String: Any])?["responses"] as? [String: Any]) ?? [:]
            #expect(Set(responses.keys).isSuperset(of: ["200", "206", "403", "404", "416"]))
        }
    }

    @Test func refusesWithoutConsentOutsideTheWorkspaceAndWhenMissing() async throws {
        let (fixture, outside) = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: outside) }
        try await fixture.app(port: 0).test(.live) { client in
            let host = "localhost:\(try #require(client.port))"
            // Behind the session like everything else.
            let anonymous = try await client.execute(uri: "/api/documents/int-a/recording", method: .get,
                                                     headers: [HTTPField.Name.hostHeader: host]) { $0 }
            #expect(anonymous.status == .unauthorized)
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)

            let noScope = try await get(client, browser, "int-b", range: "bytes=0-")
            #expect(noScope.status == .forbidden)
            #expect(errorCode(noScope.body) == "consent_withheld")
            #expect(noScope.headers[.cacheControl] == "no-store")
            let withdrawn = try await get(client, browser, "int-e")
            #expect(withdrawn.status == .forbidden)
            #expect(errorCode(withdrawn.body) == "consent_withheld")

            let escaping = try await get(client, browser, "int-d")
            #expect(escaping.status == .forbidden)
            #expect(errorCode(escaping.body) == "recording_refused")
            #expect(!String(buffer: escaping.body).contains(outside.path))

            let missing = try await get(client, browser, "int-c")
            #expect(missing.status == .notFound)
            #expect(errorCode(missing.body) == "recording_missing")
            #expect((jsonObject(missing.body)?["detail"] as? String)?.contains("recordings/gone.wav") == true)
        }
    }

    @Test func theDocumentPageShowsThePlayerOrSaysWhyNot() async throws {
        let (fixture, outside) = try await Self.fixture()
        defer { try? FileManager.default.removeItem(at: outside) }
        try await fixture.app(port: 0).test(.live) { client in
            let host = "localhost:\(try #require(client.port))"
            let browser = try await Browser.signIn(client, token: fixture.token, host: host)
            func page(_ id: String) async throws -> String {
                try await client.execute(uri: "/documents/\(id)", method: .get, headers: browser.headers) { String(buffer: $0.body) }
            }
            let playable = try await page("int-a")
            #expect(playable.contains("<audio id=\"recording-player\" controls"))
            #expect(playable.contains("src=\"/api/documents/int-a/recording\""))
            #expect(playable.contains("class=\"play-from\" data-time=\"2.0\" aria-label=\"Play from 00:02\""))
            #expect(playable.contains("data-time-start=\"7.0\""))

            let withheld = try await page("int-b")
            #expect(!withheld.contains("<audio"))
            #expect(!withheld.contains("class=\"play-from\""))
            #expect(withheld.contains("The recording is not played: no consent to the recording."))

            let missing = try await page("int-c")
            #expect(!missing.contains("<audio"))
            #expect(missing.contains("The recording recordings/gone.wav named in the front matter (media:) is not in the workspace"))

            #expect(try await page("int-d").contains("its path leads out of the workspace"))
        }
    }
}

import Foundation
import Glibc
import Testing

/// `fieldwork erase` and recordings (`media:`): the recording of the participant's own interview
/// is deleted; a workshop recording others share is kept for a person to edit, but never played
/// again — not after the erasure, not after a later ingest — on the real server.
@Suite(.serialized) struct ErasureRecordingCLITests {
    /// R07's interview and the workshop with R08 name recordings; both consented to recording,
    /// so before the erasure the server plays them.
    static func workspace() async throws -> CLIRunner {
        let cli = try await PrivacyWorkspace.make()
        let root = cli.workspace
        let register = PrivacyWorkspace.read(root, "corpus/participants.yaml")
            .replacingOccurrences(of: "quote, telemetry]", with: "quote, telemetry, recording]")
            .replacingOccurrences(of: "workshop, quote]}", with: "workshop, quote, recording]}")
        try Data(register.utf8).write(to: root.appending(path: "corpus/participants.yaml"))
        for document in ["int-007", "ws-701"] {
            let text = PrivacyWorkspace.read(root, "corpus/\(document).md")
                .replacingOccurrences(of: "id: \(document)\n", with: "id: \(document)\nmedia: recordings/\(document).wav\n")
            try Data(text.utf8).write(to: root.appending(path: "corpus/\(document).md"))
            try PrivacyWorkspace.write(root, "recordings/\(document).wav", "RIFF voice of \(document)")
        }
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        return cli
    }

    /// The HTTP status of a GET on the real server, with a session opened by its access token.
    static func status(_ server: RunningServer, _ path: String) throws -> Int {
        let token = try #require(server.banner.firstMatch(of: /token=([A-Za-z0-9_\-]+)/)).1
        let login = try request(port: server.port, "\(path)?token=\(token)", cookie: nil)
        let cookie = try #require(login.firstMatch(of: /(?i)set-cookie: (fieldwork_session=[^;\r\n]+)/)).1
        let answer = try request(port: server.port, path, cookie: String(cookie))
        return Int(try #require(answer.firstMatch(of: /^HTTP\/1\.1 (\d+)/)).1) ?? 0
    }

    private static func request(port: Int, _ path: String, cookie: String?) throws -> String {
        let socket = try ServeConnectionsTests.connect(port: port)
        defer { close(socket) }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n" + (cookie.map { "Cookie: \($0)\r\n" } ?? "")
            + "Connection: close\r\n\r\n"
        #expect(send(socket, request, request.utf8.count, 0) == request.utf8.count)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer.prefix(count)
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test func theirInterviewRecordingIsDeletedAndASharedOneIsWithheldForManualEditing() async throws {
        let cli = try await Self.workspace()
        let root = cli.workspace
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try await RunningServer.start(workspace: root)
        #expect(try Self.status(before, "/api/documents/ws-701/recording") == 200)
        #expect(try Self.status(before, "/api/documents/int-007/recording") == 200)
        before.stop()

        // The confirmation lists the recordings; stopping changes nothing.
        let stopped = try await cli.run(["erase", "R07"], input: "no\n")
        #expect(stopped.status == 1)
        #expect(stopped.stdout.contains("and these recordings of their voice:"))
        #expect(stopped.stdout.contains("  delete recordings/int-007.wav (recording of int-007, nobody else's words in it)"))
        #expect(stopped.stdout.contains("  withhold recordings/ws-701.wav (recording of ws-701, shared with others"))
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "recordings/int-007.wav").path))

        let erased = try await cli.run("erase", "R07", "--yes")
        #expect(erased.status == 0, "\(erased.stdout)\(erased.stderr)")
        #expect(erased.stdout.contains("  deleted recording recordings/int-007.wav"))
        #expect(erased.stdout.contains("Manual editing needed: these recordings hold their voice beside others'"))
        #expect(erased.stdout.contains("\n  recordings/ws-701.wav\n"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "recordings/int-007.wav").path))
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "recordings/ws-701.wav").path))
        #expect(PrivacyWorkspace.read(root, "corpus/ws-701.md").contains("media: recordings/ws-701.wav"))
        let list = PrivacyWorkspace.read(root, "corpus/erased.yaml")
        #expect(list.contains("  - recordings/int-007.wav\n") && list.contains("  - recordings/ws-701.wav\n"))
        let audit = try await cli.json("audit") as? [[String: Any]] ?? []
        let entry = audit.first { ($0["action"] as? String) == "erasure" }?["details"] as? [String: String]
        #expect(entry?["recordings_withheld"] == "recordings/ws-701.wav", "\(String(describing: entry))")

        // R08 still consents to the recording, R07 is gone from the register and the front
        // matter: the erased list alone withholds it.
        let after = try await RunningServer.start(workspace: root)
        #expect(try Self.status(after, "/api/documents/ws-701/recording") == 403)
        after.stop()

        // Later ingests: the deleted file restored from a backup and named by a new document of
        // R08's, and the workshop ingested again: neither is played.
        try PrivacyWorkspace.write(root, "recordings/int-007.wav", "RIFF voice of int-007")
        try PrivacyWorkspace.write(root, "corpus/int-090.md", """
            ---
            id: int-090
            type: interview
            title: Igen
            date: 2025-06-01
            participants: [R08]
            media: recordings/int-007.wav
            ---

            **R08:** Larmet fungerar.
            """)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        let later = try await RunningServer.start(workspace: root)
        defer { later.stop() }
        #expect(try Self.status(later, "/api/documents/int-090/recording") == 403)
        #expect(try Self.status(later, "/api/documents/ws-701/recording") == 403)
    }
}

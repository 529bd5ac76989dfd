import FieldworkTestSupport
import Foundation
import Testing

/// A change written to its codings file is noted in the store as written, so the next ingest
/// does not write it out again. It did: "codings files: 0 taken in, 1 written out" after a
/// `code add`, and as many as the browser had made after a server stopped.
@Suite struct LedgerWrittenCLITests {
    @Test func anIngestAfterACLIChangeWritesNothingOut() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        #expect(try await cli.run("ingest").status == 0)
        let add = try await cli.run("code", "add", "int-001", "--start", "20", "--end", "40", "--code", "need", "--coder", "Anna")
        #expect(add.status == 0, "\(add.stderr)")
        let id = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try String(contentsOf: cli.workspace.appending(path: "codings/anna.jsonl"), encoding: .utf8).contains(id))
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stdout.contains("written out"), "\(ingest.stdout)")
    }

    @Test func anIngestAfterAServerStoppedWritesNothingOut() async throws {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        #expect(try await cli.run("ingest").status == 0)
        let server = try await RunningServer.start(workspace: cli.workspace)
        defer { server.stop() }
        let base = "http://127.0.0.1:\(server.port)"
        let token = try #require(server.banner.firstMatch(of: /\?token=(\S+)/)?.1)
        func curl(_ arguments: [String]) throws -> String {
            try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "--max-time", "10", "-D", "-"] + arguments).stdout
        }
        let opened = try curl(["-o", "/dev/null", "\(base)/?token=\(token)"])
        let cookie = try #require(opened.firstMatch(of: /(?i)set-cookie: (fieldwork_session=[^;]+)/)?.1)
        let page = try curl(["-H", "Cookie: \(cookie)", "\(base)/documents/int-001"])
        let csrf = try #require(page.firstMatch(of: /name="csrf-token" content="([^"]+)"/)?.1)
        for start in [20, 60] {
            let write = try curl(["-H", "Cookie: \(cookie)", "-H", "X-CSRF-Token: \(csrf)", "-H", "Origin: \(base)",
                                  "-H", "Content-Type: application/json",
                                  "--data", #"{"document":"int-001","start":\#(start),"end":\#(start + 15),"code":"need","coder":"Bo"}"#,
                                  "\(base)/api/codings"])
            #expect(write.hasPrefix("HTTP/1.1 201"), "\(write.prefix(300))")
        }
        server.stop()
        #expect(try String(contentsOf: cli.workspace.appending(path: "codings/bo.jsonl"), encoding: .utf8)
            .split(separator: "\n").count == 2)
        let ingest = try await cli.run("ingest")
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(!ingest.stdout.contains("written out"), "\(ingest.stdout)")
    }
}

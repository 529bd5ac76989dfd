import FieldworkTestSupport
import Foundation
import Testing

/// `fieldwork serve --log-level`: what reaches standard error, in swift-log's stream format.
@Suite struct ServeLogTests {
    /// At `info` every request is a line: time, level, label, the request's metadata (its id,
    /// formatted only for the lines written: `ServerLogHandler`), source and message.
    @Test func atInfoEachRequestIsALineWithItsRequestID() async throws {
        let lines = try await requestLog(level: "info")
        let line = try #require(lines.first { $0.contains("GET /api/status") }, "\(lines)")
        #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} info fieldwork\.web: hb\.request\.id=\S+ \[FieldworkWeb\] GET \/api\/status \d{3} [0-9.]+ ms/) != nil,
                "\(line)")
    }

    @Test func atNoticeRequestsAreNotLogged() async throws {
        let lines = try await requestLog(level: "notice")
        #expect(!lines.contains { $0.contains("GET /api/status") }, "\(lines)")
    }

    /// The log lines of a server that answered one request (without a session: refused, and logged).
    private func requestLog(level: String) async throws -> [String] {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let log = workspace.appending(path: "serve.log")
        let server = try await RunningServer.start(workspace: workspace, arguments: ["--log-level", level], standardError: log)
        let answer = try await ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/curl"),
                                                 ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                                                  "http://127.0.0.1:\(server.port)/api/status"])
        #expect(answer.stdout != "000", "no answer")
        server.stop()
        return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}

import Foundation
import Testing

/// Without `--coder`, `$FIELDWORK_CODER`, `$USER` or `$LOGNAME` (cron, containers), a change is
/// recorded under the account's login name, never as "unknown".
@Suite struct DefaultCoderCLITests {
    @Test func theAccountNameIsTheCoderWhenTheEnvironmentNamesNone() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let cli = CLIRunner(workspace: workspace)
        let bare = ["FIELDWORK_CODER": "", "USER": "", "LOGNAME": ""]
        #expect(try await cli.run(["ingest"], environment: bare).status == 0)
        let added = try await cli.run(["code", "add", "int-001", "--start", "120", "--end", "164", "--code", "need.safety.night"],
                                      environment: bare)
        #expect(added.status == 0, "\(added.stderr)")
        let codings = try #require(try await cli.json("code", "list", "--code", "need.safety.night") as? [[String: Any]])
        let account = ProcessInfo.processInfo.userName
        #expect(!account.isEmpty)
        #expect(codings.map { $0["coder"] as? String } == [account])
        #expect(!FileManager.default.fileExists(atPath: workspace.appending(path: "codings/unknown.jsonl").path))
    }
}

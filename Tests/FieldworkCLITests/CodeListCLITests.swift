import Foundation
import Testing

@Suite struct CodeListCLITests {
    /// An empty list says what was looked for, rather than printing a table of headers alone.
    @Test func anEmptyListSaysSo() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let cli = CLIRunner(workspace: workspace)
        #expect(try await cli.run("ingest").status == 0)
        #expect(try await cli.run("code", "list", "--orphaned").stdout == "no orphaned codings: every coding is anchored in its text\n")
        // A coder known here (the person acting) with no codings; an unknown name is an error (UnknownNamesCLITests).
        #expect(try await cli.run(["code", "list", "--coder", "Nova"], environment: ["FIELDWORK_CODER": "Nova"]).stdout == "no codings match\n")
        let json = try await cli.run("code", "list", "--orphaned", "--json")
        #expect(json.stdout.filter { !$0.isWhitespace } == "[]")
    }
}

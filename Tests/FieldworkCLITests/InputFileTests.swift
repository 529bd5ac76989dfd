import FieldworkTestSupport
import Foundation
import Testing

/// A file named on the command line is looked for in the current folder, then inside the
/// workspace (where `--out` paths go), so README commands with `--workspace DIR` and a path like
/// `corpus/telemetry/…` work from any folder.
@Suite struct InputFileTests {
    @Test func aWorkspacePathWorksFromAnotherFolder() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let elsewhere = FileManager.default.temporaryDirectory.appending(path: "fieldwork-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let environment = try TestStore.environment(forWorkspace: workspace)
        func run(_ arguments: String...) async throws -> ProcessOutput {
            try await ProcessRunner.run(CLIRunner.executable, ["--workspace", workspace.path] + arguments,
                                        environment: environment, in: elsewhere)
        }
        #expect(try await run("ingest").status == 0)

        let imported = try await run("telemetry", "import", "corpus/telemetry/pilot-2025-08.senml.json")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("records") && !imported.stdout.contains(" 0 stored"), "\(imported.stdout)")

        // Neither here nor in the workspace: the error names the path as given from here.
        let missing = try await run("telemetry", "import", "corpus/telemetry/none.csv")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains(elsewhere.appending(path: "corpus/telemetry/none.csv").standardizedFileURL.path), "\(missing.stderr)")
    }
}

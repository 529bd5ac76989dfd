import FieldworkTestSupport
import Foundation
import Testing

/// A file named on the command line is looked for in the current folder, then inside the
/// workspace (where `--out` paths go), so README commands with `--workspace DIR` and a path like
/// `corpus/telemetry/…` work from any folder.
@Suite struct InputFileTests {
    /// A copy of the sample workspace, and the CLI run on it from a folder of its own.
    struct FromAnotherFolder {
        let workspace: URL
        let folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-elsewhere-\(UUID().uuidString)")
        let environment: [String: String]

        init() throws {
            workspace = try CLIRunner.sampleWorkspaceCopy()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            environment = try TestStore.environment(forWorkspace: workspace)
        }

        func run(_ arguments: [String]) async throws -> ProcessOutput {
            try await ProcessRunner.run(CLIRunner.executable, ["--workspace", workspace.path] + arguments, environment: environment, in: folder)
        }

        func remove() {
            try? FileManager.default.removeItem(at: workspace)
            try? FileManager.default.removeItem(at: folder)
        }
    }

    @Test func aWorkspacePathWorksFromAnotherFolder() async throws {
        let sample = try FromAnotherFolder()
        defer { sample.remove() }
        let elsewhere = sample.folder
        func run(_ arguments: String...) async throws -> ProcessOutput { try await sample.run(arguments) }
        #expect(try await run("ingest").status == 0)

        let imported = try await run("telemetry", "import", "corpus/telemetry/pilot-2025-08.senml.json")
        #expect(imported.status == 0, "\(imported.stderr)")
        // The file was read (ingest took it in already, so its readings are already stored).
        #expect(imported.stdout.contains("pilot-2025-08.senml.json (SenML JSON): 110 records, 0 stored, 98 already stored"),
                "\(imported.stdout)")

        // Neither here nor in the workspace: the error names the path as given from here.
        let missing = try await run("telemetry", "import", "corpus/telemetry/none.csv")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains(elsewhere.appending(path: "corpus/telemetry/none.csv").standardizedFileURL.path), "\(missing.stderr)")
    }

    /// `restore FILE` reads its backup as the other commands read theirs: from the current
    /// folder first (a new user's `restore bk.sqlite` beside the backup was looked for inside the
    /// workspace only), else inside the workspace.
    @Test(.enabled(if: TestStore.isSQLite, "the path rule is the store's neither; SQLite's backup files are the quick case"))
    func restoreFindsItsBackupInTheCurrentFolder() async throws {
        let sample = try FromAnotherFolder()
        defer { sample.remove() }
        let elsewhere = sample.folder
        func run(_ arguments: String...) async throws -> ProcessOutput { try await sample.run(arguments) }
        #expect(try await run("ingest").status == 0)
        let backup = try await run("backup", "--out", elsewhere.appending(path: "bk.sqlite").path)
        #expect(backup.status == 0, "\(backup.stderr)")
        let restored = try await run("restore", "bk.sqlite", "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("restored \(elsewhere.appending(path: "bk.sqlite").standardizedFileURL.path)"), "\(restored.stdout)")
        // Inside the workspace, as before.
        #expect(try await run("backup", "--out", "exports/in.sqlite").status == 0)
        #expect(try await run("restore", "exports/in.sqlite", "--yes").status == 0)
    }

    /// `check` takes the workspace's file first, then one named from the current folder: from
    /// the folder above, `study/corpus/interviews/int-001.md` is the workspace's transcript (it
    /// was looked for in `study/study/corpus/`), and a path inside the workspace works from anywhere.
    @Test func checkFindsFilesAsTheOtherCommandsDo() async throws {
        let workspace = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let parent = workspace.deletingLastPathComponent()
        let environment = try TestStore.environment(forWorkspace: workspace)
        func check(_ file: String, in folder: URL) async throws -> ProcessOutput {
            try await ProcessRunner.run(CLIRunner.executable, ["--workspace", workspace.path, "check", file],
                                        environment: environment, in: folder)
        }
        let fromParent = try await check(workspace.lastPathComponent + "/corpus/interviews/int-001.md", in: parent)
        #expect(fromParent.status == 0, "\(fromParent.stderr)")
        #expect(fromParent.stdout.contains("ok corpus/interviews/int-001.md"), "\(fromParent.stdout)")
        let inWorkspace = try await check("codebooks/solutions.yaml", in: parent)
        #expect(inWorkspace.status == 0, "\(inWorkspace.stderr)")
        // From inside another workspace with a file of the same name (this repository, for
        // `make stress`), the name means the workspace's file.
        let other = parent.appending(path: "other-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: other.appending(path: "codebooks"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: other) }
        try "- id: need\n- id: need\n".write(to: other.appending(path: "codebooks/solutions.yaml"), atomically: true, encoding: .utf8)
        let fromOther = try await check("codebooks/solutions.yaml", in: other)
        #expect(fromOther.status == 0, "\(fromOther.stderr)")
        #expect(fromOther.stdout.contains("ok codebooks/solutions.yaml"), "\(fromOther.stdout)")
    }
}

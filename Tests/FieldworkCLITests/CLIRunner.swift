import FieldworkTestSupport
import Foundation

/// Runs the real `fieldwork` executable built next to the test bundle.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let workspace: URL

    static var executable: URL { FieldworkBinary.url }

    @discardableResult
    func run(_ arguments: String..., environment: [String: String] = [:]) async throws -> Result {
        try await run(arguments, environment: environment)
    }

    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) async throws -> Result {
        // On PostgreSQL (`TestStore`) the workspace's database comes in $FIELDWORK_STORE; a test's own value wins.
        let environment = try TestStore.environment(forWorkspace: workspace).merging(environment) { $1 }
        let output = try await ProcessRunner.run(Self.executable, ["--workspace", workspace.path] + arguments, environment: environment,
                                           input: input)
        return Result(status: output.status, stdout: output.stdout, stderr: output.stderr)
    }

    /// Runs with `--json` and parses the output; a non-zero exit is an error.
    func json(_ arguments: String...) async throws -> Any {
        let result = try await run(arguments + ["--json"])
        guard result.status == 0 else { throw CLIError.failed(result.stderr) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// A copy of the repository's sample workspace: the sample corpus and codebooks in a temporary folder; `codings` adds the sample study's
    /// codings files (codings/*.jsonl), taken in at the first ingest.
    /// The repository this test target was built from.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `telemetry: false` leaves out the pilot's readings (corpus/telemetry/, taken in by ingest),
    /// for a test that counts the readings of a file of its own.
    static func sampleWorkspaceCopy(codings: Bool = false, telemetry: Bool = true) throws -> URL {
        let repository = packageRoot
        let copy = FileManager.default.temporaryDirectory.appending(path: "fieldwork-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for folder in ["corpus", "codebooks"] + (codings ? ["codings"] : []) {
            try FileManager.default.copyItem(at: repository.appending(path: folder), to: copy.appending(path: folder))
        }
        if !telemetry { try FileManager.default.removeItem(at: copy.appending(path: "corpus/telemetry")) }
        return copy
    }
}

enum CLIError: Error {
    case failed(String)
}

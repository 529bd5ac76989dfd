import FieldworkProcess
import FieldworkTestSupport
import Foundation

/// The repository's sample workspace (corpus and codebooks), ingested once per test run by the
/// real `fieldwork` binary; every `WebFixture()` gets a copy of its own: the folder (`cp -a`,
/// with its SQLite file, audit log and the corpus files' modification times, so the copy's
/// files look as ingested) and, on PostgreSQL, a copy of its database.
///
/// Why: over a hundred web tests start from the ingested sample. Ingesting it in each, on
/// debug-built code, took about a third of a CPU-second on SQLite and half on PostgreSQL, far
/// more than a copy; the copy is the same state a `make run` user's server opens.
struct IngestedSample: Sendable {
    let folder: URL
    let database: TestTemplateDatabase

    /// A copy of the ingested sample in the new folder `root` (which must not exist yet), and
    /// its database (`TestStore`).
    static func copy(to root: URL) async throws -> TestDatabase {
        // Made on a thread of its own: the first fixture waits there for the binary's ingest,
        // not on one of the cooperative pool's (see `ProcessRunner`).
        let sample = try await onOwnThread { try shared.get() }
        let copied = try await ProcessRunner.run(URL(fileURLWithPath: "/bin/cp"), ["-a", sample.folder.path, root.path])
        guard copied.status == 0 else { throw FixtureError("copying the ingested sample failed: \(copied.stderr)") }
        return try await TestDatabase.make(workspace: root, copying: sample.database)
    }

    private static let shared = Result { try IngestedSample() }

    private init() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        folder = FileManager.default.temporaryDirectory.appending(path: "fieldwork-web-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for sub in ["corpus", "codebooks"] {
            try FileManager.default.copyItem(at: repository.appending(path: sub), to: folder.appending(path: sub))
        }
        database = try TestTemplateDatabase()
        let environment = database.url.map { ["FIELDWORK_STORE": $0] } ?? [:]
        let ingested = try ProcessRunner.run(FieldworkBinary.url, ["--workspace", folder.path, "ingest"], environment: environment)
        // A sample that does not ingest fails every test that starts from it, naming its problems.
        guard ingested.status == 0 else {
            throw WebFixture.IngestFailed(description: "the sample workspace did not ingest: \(ingested.stdout)\(ingested.stderr)")
        }
    }
}

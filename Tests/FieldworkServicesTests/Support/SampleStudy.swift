import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// A copy of the repository's sample study (corpus, codebook and everyone's codings files),
/// ingested into a fresh store (kept to the end of the run on PostgreSQL: `TestStore`): what a
/// newcomer's `make run` shows.
enum SampleStudy {
    static func open() async throws -> FieldworkContext {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let root = FileManager.default.temporaryDirectory.appending(path: "fieldwork-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["corpus", "codebooks", "codings"] {
            try FileManager.default.copyItem(at: repository.appending(path: folder), to: root.appending(path: folder))
        }
        let context = try FieldworkContext.open(Workspace(root: root), storeURL: try TestStore.url(forWorkspace: root))
        let summary = try await context.ingest.ingest()
        #expect(summary.succeeded, "\(summary.problems)")
        return context
    }
}

import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Two researchers' clones ingesting into one team database: a clone that had not pulled a
/// corrected transcript put the old text back over the correction at its next ingest (found by a
/// new user). A file may replace the stored text only if the store still holds the text this
/// workspace last saw there; `--replace-stored` overrides. On the PostgreSQL pass the store says
/// it is shared by itself (`sharedByWorkspaces`); on SQLite the test says so, as a workspace's
/// own SQLite file is not shared.
@Suite struct SharedStoreIngestTests {
    static let path = "corpus/int-050.md"
    static func transcript(_ answer: String) -> String {
        "---\nid: int-050\ntype: interview\ntitle: Natten\ndate: 2025-03-12\nparticipants: [R14]\n---\n\n**R14:** \(answer)\n"
    }

    @Test func aCloneThatHasNotPulledCannotPutAnOlderTextBack() async throws {
        let team = try await TemporaryWorkspace()
        try team.write(Self.path, Self.transcript("Larmet gick tre gånger i natt."))
        let anna = IngestService(workspace: team.context.workspace, store: team.store, shared: true)
        let taken = try await anna.ingest()
        #expect(taken.failed == 0, "\(taken.problems)")

        // Bo clones the study as it is and ingests: nothing changes, and his clone has seen the text.
        let boRoot = FileManager.default.temporaryDirectory.appending(path: "fieldwork-clone-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: boRoot) }
        try FileManager.default.createDirectory(at: boRoot, withIntermediateDirectories: true)
        for folder in ["corpus", "codebooks"] {
            try FileManager.default.copyItem(at: team.root.appending(path: folder), to: boRoot.appending(path: folder))
        }
        let boWorkspace = Workspace(root: boRoot)
        let bo = IngestService(workspace: boWorkspace, store: team.store, shared: true)
        let first = try await bo.ingest()
        #expect(first.failed == 0 && first.updated == 0 && first.unchanged == 1, "\(first.problems)")

        // Anna corrects the transcript; Bo has not pulled. His ingest refuses his older file.
        try team.write(Self.path, Self.transcript("Larmet gick två gånger i natt."))
        #expect(try await anna.ingest().updated == 1)
        try Data(Self.transcript("Larmet gick tre gånger i natt.").utf8).write(to: boRoot.appending(path: Self.path))
        let stale = try await bo.ingest()
        #expect(stale.failed == 1 && stale.updated == 0)
        #expect(stale.problems.map(\.description).contains {
            $0.hasPrefix("\(Self.path):2:") && $0.contains("another workspace ingested since") && $0.contains("--replace-stored \(Self.path)")
        }, "\(stale.problems)")
        #expect(try await team.plainText("int-050").string.contains("två gånger"))

        // After pulling, Bo's correction of his own goes in; Anna, not up to date, is refused in turn.
        try Data(Self.transcript("Larmet gick två gånger i natt.").utf8).write(to: boRoot.appending(path: Self.path))
        #expect(try await bo.ingest().unchanged == 1)
        try Data(Self.transcript("Larmet gick två gånger i natten.").utf8).write(to: boRoot.appending(path: Self.path))
        #expect(try await bo.ingest().updated == 1)
        try team.write(Self.path, Self.transcript("Larmet gick två gånger i natt!"))
        #expect(try await anna.ingest().failed == 1)
        #expect(try await team.plainText("int-050").string.contains("i natten."))
        // Unless she says her file replaces it.
        let replaced = try await anna.ingest(replaceStored: ["corpus"])
        #expect(replaced.updated == 1 && replaced.failed == 0, "\(replaced.problems)")
        #expect(try await team.plainText("int-050").string.contains("i natt!"))
    }

    /// A workspace's own database: undoing an edit (the old text back) goes in as before.
    @Test func aWorkspacesOwnStoreTakesAnOlderTextBack() async throws {
        let workspace = try await TemporaryWorkspace()
        let own = IngestService(workspace: workspace.context.workspace, store: workspace.store, shared: false)
        try workspace.write(Self.path, Self.transcript("Första."))
        _ = try await own.ingest()
        try workspace.write(Self.path, Self.transcript("Andra."))
        #expect(try await own.ingest().updated == 1)
        try workspace.write(Self.path, Self.transcript("Första."))
        #expect(try await own.ingest().updated == 1)
    }
}

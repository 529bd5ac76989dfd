import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A codebook change that would leave codings without their code is refused, changing nothing;
/// the problem names file and line: the new id's when it looks like a rename (found by a new
/// user, told only "codebooks: … no longer has codes …"), else the file the code was in.
@Suite struct StrandedCodesIngestTests {
    @Test func aRenameIsPointedAtTheNewIdAndADeletionAtItsFile() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Jag hör larmet på natten."))
        _ = try await workspace.ingest()
        let coding = try await workspace.code("int-014", quote: "larmet", code: "need.safety.night")
        let path = try #require(try await workspace.store.codebook()["need.safety.night"]?.source?.file)

        let renamed = TemporaryWorkspace.codebook.replacingOccurrences(of: "id: need.safety.night", with: "id: need.safety.nights")
        try workspace.write(path, renamed)
        var summary = try await workspace.ingest()
        let line = renamed.components(separatedBy: "\n").firstIndex { $0.contains("need.safety.nights") }! + 1
        #expect(summary.problems.map(\.description) == [
            "\(path):\(line): code 'need.safety.night' is gone but still has 1 coding; if 'need.safety.nights' is its new id, "
                + "list 'need.safety.night' under its `formerly:` to carry them over (or put 'need.safety.night' back)",
        ])
        #expect(try await workspace.store.codebook()["need.safety.nights"] == nil)
        #expect(try await workspace.store.coding(id: coding.id)?.codeID == "need.safety.night")

        let deleted = TemporaryWorkspace.codebook.replacingOccurrences(of: """
                    children:
                      - id: need.safety.night
                        name: At night

            """, with: "\n")
        #expect(deleted != TemporaryWorkspace.codebook)
        try workspace.write(path, deleted)
        summary = try await workspace.ingest()
        #expect(summary.problems.map(\.description) == [
            "\(path): code 'need.safety.night' is gone but still has 1 coding; put it back, or merge it into another code "
                + "by listing 'need.safety.night' under that code's `formerly:`",
        ])
        #expect(try await workspace.store.coding(id: coding.id)?.codeID == "need.safety.night")
    }
}

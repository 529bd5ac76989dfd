import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// An interview without `date:` is judged as of each participant's first consent; ingest says
/// so at its id, and the file is taken in.
@Suite struct UndatedMaterialIngestTests {
    @Test func anUndatedInterviewIsAWarningAtItsId() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Jag hör larmet.")
            .replacingOccurrences(of: "date: 2025-03-12\n", with: ""))
        let summary = try await workspace.ingest()
        #expect(summary.added == 1)
        #expect(summary.warnings.map(\.description) == [
            "corpus/int-014.md:2: no date: consent is judged as of each participant's first consent, so a scope given later "
                + "(quote, recording) does not reach it; add `date: YYYY-MM-DD`",
        ])
    }
}

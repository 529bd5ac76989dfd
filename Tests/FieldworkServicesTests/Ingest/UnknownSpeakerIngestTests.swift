import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A speaker label the register does not know counts as a non-participant's turn, shown with no
/// consent applied: ingest and `check` warn of it at its first turn (found by a new user, whose
/// `**R6:**` for R06 showed a resident's words that her consent withholds).
@Suite struct UnknownSpeakerIngestTests {
    static let body = """
        **Intervjuare:** Hur känns det?

        **R14:** Jag hör larmet.

        **R4:** Samma person, stavfel i etiketten.

        **A. Researcher:** Och sedan?

        **Anna Svensson:** Jag är gäst.

        **R4:** Igen.
        """

    @Test func eachUnknownLabelIsAWarningAtItsFirstTurnAndTheFileIsTakenIn() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: Self.body))
        let summary = try await workspace.ingest()
        #expect(summary.added == 1)
        #expect(summary.warnings.map(\.description) == [
            "corpus/int-014.md:15: speaker 'R4' is not in corpus/participants.yaml, nor the interviewer of the front matter or an "
                + "interviewer word: its turns count as a non-participant's and are shown with no consent applied; did you mean R14?",
            "corpus/int-014.md:19: speaker 'Anna Svensson' is not in corpus/participants.yaml, nor the interviewer of the front matter "
                + "or an interviewer word: its turns count as a non-participant's and are shown with no consent applied",
        ])
        // Corrected: no warning.
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: Self.body
            .replacingOccurrences(of: "**R4:**", with: "**R14:**").replacingOccurrences(of: "**Anna Svensson:**", with: "**R15:**")))
        #expect(try await workspace.ingest().warnings.isEmpty)
    }

    @Test func checkGivesTheSameWarningsWithoutTakingTheFileIn() async throws {
        let workspace = try await TemporaryWorkspace()
        let file = TemporaryWorkspace.interview(body: Self.body)
        var warnings: [SourceProblem] = []
        let read = try WorkspaceFileCheck.context(of: workspace.context.workspace, excluding: "corpus/int-014.md")
            .check(Data(file.utf8), as: .document, path: "corpus/int-014.md", warnings: &warnings)
        #expect(read == "document int-014: 6 segments")
        #expect(warnings.map(\.location.line) == [15, 19])
        #expect(warnings.first?.message.hasSuffix("did you mean R14?") == true)
        #expect(try await workspace.store.document(id: "int-014") == nil)
    }
}

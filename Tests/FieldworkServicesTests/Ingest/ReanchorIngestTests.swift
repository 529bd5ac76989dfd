import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Codings must survive transcript corrections: re-ingest after real edits of a real file.
@Suite struct ReanchorIngestTests {
    let original = """
        **Intervjuare:** Hur känns det på natten?

        **R14:** Jag är rädd att ramla när ingen är hemma. Hemtjänsten kommer bara på morgonen.

        Min dotter ringer varje kväll 👩‍👩‍👧 och det hjälper.

        **Intervjuare:** Vad skulle en sensor betyda?

        **R14:** Om den inte kostar något skulle jag kunna tänka mig en dörrsensor.
        """

    private func setUp() async throws -> (TemporaryWorkspace, Coding) {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: original))
        try await workspace.ingest()
        let coding = try await workspace.code("int-014", quote: "rädd att ramla när ingen är hemma")
        return (workspace, coding)
    }

    private func edit(_ workspace: TemporaryWorkspace, _ body: String) async throws -> (IngestSummary, Coding) {
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: body))
        let summary = try await workspace.ingest()
        let codings = try await workspace.store.codings(CodingFilter(documentID: "int-014"))
        return (summary, try #require(codings.first))
    }

    private func textAt(_ workspace: TemporaryWorkspace, _ coding: Coding) async throws -> String {
        try await workspace.plainText("int-014")[coding.anchor.span]
    }

    @Test func insertingTextBeforeShiftsTheCoding() async throws {
        let (workspace, before) = try await setUp()
        let (summary, after) = try await edit(workspace, "Intervjun gjordes i köket, med kaffe. 👍🏽\n\n" + original)
        #expect(summary.updated == 1 && summary.codingsReanchored == 1 && summary.orphaned == 0)
        #expect(after.status == .anchored)
        #expect(after.start > before.start)
        #expect(try await textAt(workspace, after) == "rädd att ramla när ingen är hemma")
    }

    @Test func editingInsideTheQuoteFollowsTheEdit() async throws {
        let (workspace, _) = try await setUp()
        let (summary, after) = try await edit(workspace, original.replacingOccurrences(of: "ramla när", with: "ramla omkull när"))
        #expect(summary.orphaned == 0)
        #expect(after.status == .anchored && after.anchorMethod == .fuzzy)
        #expect(try await textAt(workspace, after) == "rädd att ramla omkull när ingen är hemma")
        #expect(after.quote == "rädd att ramla omkull när ingen är hemma")
    }

    @Test func movingTheParagraphMovesTheCoding() async throws {
        let (workspace, _) = try await setUp()
        let paragraphs = original.components(separatedBy: "\n\n")
        let moved = ([paragraphs[0], paragraphs[3], paragraphs[4], paragraphs[1], paragraphs[2]]).joined(separator: "\n\n")
        let (summary, after) = try await edit(workspace, moved)
        #expect(summary.orphaned == 0)
        #expect(after.status == .anchored)
        #expect(try await textAt(workspace, after) == "rädd att ramla när ingen är hemma")
    }

    @Test func deletingTheTextOrphansTheCodingAndRestoringItRecoversIt() async throws {
        let (workspace, before) = try await setUp()
        let deleted = original.replacingOccurrences(
            of: "Jag är rädd att ramla när ingen är hemma. ", with: "")
        let (summary, orphan) = try await edit(workspace, deleted)
        #expect(summary.orphaned == 1)
        #expect(orphan.status == .orphaned)
        #expect(orphan.quote == before.quote)  // what it said is kept
        #expect(try await workspace.store.counts().orphans == 1)
        let (restored, back) = try await edit(workspace, original)
        #expect(restored.recovered == 1)
        #expect(back.status == .anchored && back.anchor.span == before.anchor.span)
    }

    @Test func anOrphanCanBeReattachedByHand() async throws {
        let (workspace, _) = try await setUp()
        let (_, orphan) = try await edit(workspace, original.replacingOccurrences(
            of: "Jag är rädd att ramla när ingen är hemma. ", with: ""))
        let text = try await workspace.plainText("int-014")
        let start = try #require(text.occurrences(of: Array("dörrsensor".unicodeScalars)).first)
        let reattached = try await workspace.context.codings.reattach(id: orphan.id, span: start..<(start + 10))
        #expect(reattached.status == .anchored && reattached.quote == "dörrsensor")
        #expect(reattached.version == orphan.version + 1)
    }
}

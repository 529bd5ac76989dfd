import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A coder whose coding of a disputed code lost its place in a changed transcript (an orphan)
/// may not disagree at all: the disputed passage says so (found by a new user: the
/// disagreements page showed a colleague as "not applied" while their coding sat among the orphans).
@Suite struct AdjudicationOrphansTests {
    @Test func aCoderWithAnOrphanOfTheDisputedCodeIsNamedOnTheDecision() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(
            body: "**R14:** Larmet går på natten och jag ringer.\n\n**R14:** Dagen är lugn och jag läser."))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "Larmet går på natten", code: "need.safety", coder: "anna")
        _ = try await workspace.code("int-014", quote: "Dagen är lugn", code: "need.safety", coder: "bo")
        // Bo's coding of the night, orphaned by an earlier edit of the transcript; Anna's orphan is of another code.
        for (coder, code) in [("bo", "need.safety"), ("anna", "barrier.cost")] {
            try await workspace.store.insertCoding(Coding(
                id: Coding.newID(), documentID: "int-014", codeID: code, coder: coder, memo: nil,
                anchor: TextQuoteAnchor(quote: "Larmet gick om natten", prefix: "", suffix: "", start: 9, end: 30),
                status: .orphaned, createdAt: Coding.timestamp()))
        }

        let report = try await workspace.context.adjudication.passages(.init())
        let decisions = report.passages.flatMap { passage in passage.decisions.map { (passage.text, $0) } }
        let night = try #require(decisions.first { $0.0.hasPrefix("Larmet") }?.1)
        #expect(night.notAppliedBy == ["bo"] && night.orphanedBy == ["bo"])
        let day = try #require(decisions.first { $0.0.hasPrefix("Dagen") }?.1)
        #expect(day.notAppliedBy == ["anna"] && day.orphanedBy == [], "Anna's orphan is of another code")
    }
}

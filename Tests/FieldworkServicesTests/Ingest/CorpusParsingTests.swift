import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Ingest parses the corpus before it has read the register (`CorpusParsing`), and checks the
/// people each front matter names once the register is in: against the register as this ingest
/// leaves it, with the same problems, in the same order, as a parse that knew it.
@Suite struct CorpusParsingTests {
    @Test func aDocumentMayNameSomeoneTheRegisterAddsInTheSameIngestAndNotSomeoneItDrops() async throws {
        let workspace = try await TemporaryWorkspace()
        let added = TemporaryWorkspace.participants + "\n  - id: R20\n    role: resident"
        try workspace.write("corpus/participants.yaml", added)
        try workspace.write("corpus/int-020.md", TemporaryWorkspace.interview(id: "int-020", participants: "[R20]", body: "**R20:** Hej."))
        let first = try await workspace.ingest()
        #expect(first.succeeded && first.added >= 1, "\(first.problems)")
        #expect(try await workspace.store.documents().contains { $0.metadata.id == "int-020" })

        // R20 leaves the register while a new file names them: refused, the stored one kept.
        try workspace.write("corpus/participants.yaml", TemporaryWorkspace.participants)
        try workspace.write("corpus/int-021.md", TemporaryWorkspace.interview(id: "int-021", participants: "[R20]", body: "**R20:** Hej igen."))
        let second = try await workspace.ingest()
        #expect(second.problems.map(\.description) == ["corpus/int-021.md:7: unknown participant 'R20' (not in corpus/participants.yaml)"])
        #expect(try await !workspace.store.documents().contains { $0.metadata.id == "int-021" })
    }

    @Test func aFileWithSeveralProblemsHasThoseOfAParseThatKnewTheRegister() async throws {
        let workspace = try await TemporaryWorkspace()
        // The people come first in the file but are checked after the id, type and date: the
        // problems keep the parser's order, not the lines'.
        let text = """
            ---
            participants: [R99, R14]
            id: bad id
            type: meeting
            title: T
            date: 2025-13-01
            ---
            Text.
            """
        try workspace.write("corpus/bad.md", text)
        let summary = try await workspace.ingest()
        let known = Set(try await workspace.store.participants().map(\.id))
        var expected: [String] = []
        do {
            _ = try CorpusFilePreview.document(Data(text.utf8), path: "corpus/bad.md", knownParticipants: known)
        } catch let problems as SourceProblems {
            expected = problems.problems.map(\.description)
        }
        #expect(expected.contains { $0.contains("unknown participant 'R99'") } && expected.count >= 4)
        #expect(summary.problems.map(\.description) == expected)
    }
}

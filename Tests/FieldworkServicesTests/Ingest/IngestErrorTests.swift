import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct IngestErrorTests {
    let good = TemporaryWorkspace.interview(body: "**R14:** Jag mår bra.")

    private func problems(for file: String, bytes: Data) async throws -> (IngestSummary, TemporaryWorkspace) {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/good.md", good)
        try workspace.write("corpus/\(file)", bytes: bytes)
        let summary = try await workspace.ingest()
        return (summary, workspace)
    }

    @Test func frontMatterThatIsNotYAMLNamesFileAndLine() async throws {
        let (summary, workspace) = try await problems(for: "bad.md", bytes: Data("""
            ---
            id: bad
            title: [unclosed
            type: interview
            ---
            Text.
            """.utf8))
        #expect(summary.failed == 1 && summary.added == 1)
        let problem = try #require(summary.problems.first)
        #expect(problem.location.file == "corpus/bad.md")
        #expect(problem.location.line >= 3)
        #expect(problem.message.contains("not valid YAML"))
        #expect(try await workspace.store.counts().documents == 1)
    }

    /// A quote never closed was reported at the end of the front matter, where YAML gives up
    /// (found by a new user); the line to fix is where it opened.
    @Test func anUnclosedQuoteIsReportedWhereItOpens() async throws {
        let (summary, _) = try await problems(for: "bad.md", bytes: Data("""
            ---
            id: bad
            type: interview
            title: "Unclosed quote
            date: 2025-01-01
            language: sv
            ---
            Text.
            """.utf8))
        let problem = try #require(summary.problems.first)
        #expect(problem.location.line == 4)
        #expect(problem.location.column == 8)
        #expect(problem.message == "not valid YAML: while scanning a quoted scalar: found unexpected end of stream")
    }

    /// Yams' own message for a duplicate key quotes the whole file: a participants register
    /// (526 lines in the probe) went to the terminal. One line: file, line, column, problem.
    @Test func aDuplicateKeyIsOneLineWithoutTheFilesText() async throws {
        let workspace = try await TemporaryWorkspace(participants: """
            participants:
              - id: R14
                role: resident
                notes: Bor ensam sedan hösten, dottern i Malmö
                role: relative
            """)
        let summary = try await workspace.ingest()
        let problem = try #require(summary.problems.first)
        let text = problem.description
        #expect(text.hasPrefix("corpus/participants.yaml:3:5: "))
        #expect(problem.location.column != nil)
        #expect(text.contains("key 'role' given twice"))
        #expect(!text.contains("\n") && !text.contains("Malmö") && !text.contains("resident"))
    }

    @Test func missingIdUnknownParticipantAndBadValuesAreEachReportedWithTheirLine() async throws {
        let (summary, _) = try await problems(for: "bad.md", bytes: Data("""
            ---
            type: interview
            title: T
            date: 2025-02-30
            participants: [R14, R99]
            administrations: [social, space]
            colour: blue
            ---
            Text.
            """.utf8))
        let messages = summary.problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix("corpus/bad.md:2: missing 'id'") })
        #expect(messages.contains { $0.hasPrefix("corpus/bad.md:4:") && $0.contains("2025-02-30") })
        #expect(messages.contains { $0.hasPrefix("corpus/bad.md:5:") && $0.contains("unknown participant 'R99'") })
        #expect(messages.contains { $0.hasPrefix("corpus/bad.md:6:") && $0.contains("'space'") })
        #expect(messages.contains { $0.hasPrefix("corpus/bad.md:7:") && $0.contains("unknown key 'colour'") })
    }

    @Test func duplicateIdIsRefusedAndNamesTheOtherFile() async throws {
        let (summary, workspace) = try await problems(for: "z-copy.md", bytes: Data(good.utf8))
        #expect(summary.failed == 1)
        let problem = try #require(summary.problems.first)
        #expect(problem.location == SourceLocation(file: "corpus/z-copy.md", line: 2))
        #expect(problem.message == "duplicate id 'int-014': already used by corpus/good.md")
        #expect(try await workspace.store.document(id: "int-014")?.path == "corpus/good.md")
        // Ingesting again still refuses the copy: the id stays with the file that has it.
        let again = try await workspace.ingest()
        #expect(again.failed == 1 && again.unchanged == 1)
    }

    @Test func invalidUTF8NamesTheLine() async throws {
        var bytes = Data("---\nid: x\ntype: note\ntitle: T\n---\nline six\nline seven ".utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        let (summary, _) = try await problems(for: "bad.md", bytes: bytes)
        #expect(summary.problems.first?.description.hasPrefix("corpus/bad.md:7: not valid UTF-8") == true)
    }

    @Test func missingFrontMatter() async throws {
        let (summary, _) = try await problems(for: "bad.md", bytes: Data("# Just a heading\n".utf8))
        #expect(summary.problems.first?.description == "corpus/bad.md:1: missing YAML front matter: the file must start with a line '---'")
    }

    @Test func aFileThatBecomesBadKeepsItsPreviousVersionAndCodings() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", good)
        try await workspace.ingest()
        let coding = try await workspace.code("int-014", quote: "mår bra")
        try workspace.write("corpus/int-014.md", good.replacingOccurrences(of: "type: interview", with: "type: podcast"))
        let summary = try await workspace.ingest()
        #expect(summary.failed == 1)
        #expect(summary.problems.first?.description.contains("unknown type 'podcast'") == true)
        let stored = try await workspace.store.coding(id: coding.id)
        #expect(stored?.status == .anchored && stored?.quote == "mår bra")
        #expect(try await workspace.store.document(id: "int-014")?.metadata.type == .interview)
    }
}

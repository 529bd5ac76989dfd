import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// `corpus/redactions.yaml` problems name their line and never quote the identifier.
@Suite struct RedactionsParserTests {
    @Test func problemsNameTheirLinesWithoutTheIdentifier() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/redactions.yaml", """
            redactions:
              - {identifier: "Anna Svensson", replacement: "[R07]"}
              - {identifier: "Anna Svensson", replacement: "[R08]"}
              - {identifier: Norrby, replacement: "<area>"}
              - {identifier: Lund, replacement: "Lund stad"}
              - {replacement: "[x]"}
            """)
        let error = try #require(throws: SourceProblems.self) { try workspace.context.workspace.redactions() }
        let lines = error.problems.map(\.description)
        #expect(lines.contains("corpus/redactions.yaml:3: the identifier is listed twice (first on line 2)"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("corpus/redactions.yaml:4:") && $0.contains("replacement may hold letters") })
        #expect(lines.contains { $0.hasPrefix("corpus/redactions.yaml:5:") && $0.contains("contains its own identifier") })
        #expect(lines.contains { $0.hasPrefix("corpus/redactions.yaml:6:") && $0.contains("missing 'identifier'") })
        #expect(!lines.joined().contains("Svensson") && !lines.joined().contains("Norrby"))
    }

    @Test func noFileMeansNoRedactions() async throws {
        let workspace = try await TemporaryWorkspace()
        #expect(try workspace.context.workspace.redactions().isEmpty)
    }
}

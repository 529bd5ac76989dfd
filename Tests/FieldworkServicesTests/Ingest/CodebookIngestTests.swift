import FieldworkCore
import FieldworkServices
import Foundation
import Testing

@Suite struct CodebookIngestTests {
    @Test func removingACodedCodeIsRefusedAndChangesNothing() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Det kostar för mycket."))
        try await workspace.ingest()
        _ = try await workspace.code("int-014", quote: "kostar", code: "barrier.cost")
        try workspace.write("codebooks/codebook.yaml", TemporaryWorkspace.codebook.replacingOccurrences(of: """
                children:
                  - id: barrier.cost
                    name: Cost
            """, with: ""))
        let summary = try await workspace.ingest()
        #expect(summary.problems.count == 1)
        #expect(summary.problems[0].description.hasPrefix("codebooks/codebook.yaml: code 'barrier.cost' is gone but still has 1 coding"))
        #expect(try await workspace.store.codebook().contains("barrier.cost"))
        let check = try await CodebookCheck(workspace: workspace.context.workspace, store: workspace.store).run()
        #expect(check.problems.count == 1)
    }

    @Test func renamingAnIdWithFormerlyMovesItsCodings() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Det kostar för mycket."))
        try await workspace.ingest()
        let coding = try await workspace.code("int-014", quote: "kostar", code: "barrier.cost")
        try workspace.write("codebooks/codebook.yaml", TemporaryWorkspace.codebook.replacingOccurrences(
            of: "- id: barrier.cost\n        name: Cost",
            with: "- id: barrier.economy\n        name: Economy\n        formerly: [barrier.cost]"))
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty)
        #expect(summary.codingsRemapped == 1)
        #expect(try await workspace.store.coding(id: coding.id)?.codeID == "barrier.economy")
    }

    @Test func renamingAndMovingKeepCodings() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/int-014.md", TemporaryWorkspace.interview(body: "**R14:** Jag är rädd på natten."))
        try await workspace.ingest()
        let coding = try await workspace.code("int-014", quote: "rädd på natten", code: "need.safety.night")
        // Move need.safety.night to the top level and rename it.
        try workspace.write("codebooks/codebook.yaml", TemporaryWorkspace.codebook.replacingOccurrences(
            of: "        children:\n          - id: need.safety.night\n            name: At night\n", with: "") + """

              - id: need.safety.night
                name: Nattlig oro
                kind: need
            """)
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty)
        let codebook = try await workspace.store.codebook()
        #expect(codebook["need.safety.night"]?.name == "Nattlig oro")
        #expect(codebook["need.safety.night"]?.parentID == nil)
        #expect(try await workspace.store.coding(id: coding.id)?.codeID == "need.safety.night")
    }

    @Test func checkNamesFileAndLineForEveryProblem() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("codebooks/extra.yaml", """
            codes:
              - id: need.safety
                name: Duplicate
                kind: need
              - id: Bad Id
                name: X
                kind: need
                color: "#12"
                colour: red
              - id: theme.x
                name: Y
                kind: feeling
            """)
        let report = try await CodebookCheck(workspace: workspace.context.workspace, store: workspace.store).run()
        let messages = report.problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix("codebooks/extra.yaml:2: duplicate code id 'need.safety' (first defined at codebooks/codebook.yaml:8)") })
        #expect(messages.contains { $0.hasPrefix("codebooks/extra.yaml:5:") && $0.contains("lower-case slug") })
        #expect(messages.contains { $0.hasPrefix("codebooks/extra.yaml:8:") && $0.contains("'#12'") })
        #expect(messages.contains { $0.hasPrefix("codebooks/extra.yaml:9:") && $0.contains("unknown key 'colour'") })
        #expect(messages.contains { $0.hasPrefix("codebooks/extra.yaml:12:") && $0.contains("unknown kind 'feeling'") })
        // And ingest refuses the codebook as a whole: the stored one stays.
        let summary = try await workspace.ingest()
        #expect(!summary.problems.isEmpty)
        #expect(try await workspace.store.codebook().codes.isEmpty)
    }
}

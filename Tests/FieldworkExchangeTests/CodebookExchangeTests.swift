import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

struct CodebookExchangeTests {
    @Test func qdcValidatesAgainstTheCodebookSchemaAndNestsCodes() async throws {
        let workspace = try await ExchangeWorkspace()
        let (text, codes) = try await CodebookExport(store: workspace.store).render(.qdc)
        #expect(codes == 5)
        try SchemaValidator.expectValid(Data(text.utf8), schema: SchemaValidator.codebookSchema)
        #expect(text.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Fieldwork\">"))
        let parsed = try REFIReader.codebook(Data(text.utf8), file: "codebook.qdc")
        let need = try #require(parsed.codes?.codes?.first)
        #expect(need.guid == StableGUID.make(.code, "need") && need.children?.first?.children?.first?.name == "At night")
        #expect(need.children?.first?.description?.contains("- Larmet & <knappen>") == true)
    }

    @Test func anEmptyCodebookHasNoQDCForm() async throws {
        let workspace = try await ExchangeWorkspace(codebook: "title: Empty\ncodes: []\n", corpus: [:])
        await #expect(throws: ExchangeError.emptyCodebook) { try await CodebookExport(store: workspace.store).render(.qdc) }
    }

    @Test func qdcRoundTripsKindRulesAndExamplesIntoAnEmptyCodebook() async throws {
        let source = try await ExchangeWorkspace()
        let file = Archives.temporaryURL("codebook.qdc")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try await CodebookExport(store: source.store).render(.qdc).text.utf8).write(to: file)
        let target = try await ExchangeWorkspace(codebook: "title: Empty\ncodes: []\n", corpus: [:])
        let report = try await CodebookImport(context: target.context).run(file, options: ImportOptions(coder: "x"))
        #expect(report.written && report.problems.isEmpty && report.codesMatched == 0)
        // The ids come back from the descriptions (REFI-QDA has no field for them); so does everything else.
        #expect(report.codesAdded == ["need", "need.safety", "need.safety.night", "barrier", "barrier.cost"])
        let codebook = try await target.store.codebook()
        let safety = try #require(codebook["need.safety"])
        let original = try #require(try await source.store.codebook()["need.safety"])
        #expect(safety.kind == .need && safety.description == original.description && safety.include == original.include)
        #expect(safety.exclude == original.exclude && safety.examples == original.examples)
        #expect(codebook["need"]?.color == "#1f77b4" && codebook["barrier.cost"]?.kind == .barrier)
        #expect(try target.read("codebooks/codebook.yaml").contains("id: need.safety.night"))
        // The id is the code's own field again, not a line of its description.
        #expect(codebook.codes.allSatisfy { !($0.description ?? "").contains("Code id:") })
    }

    @Test func importingOurOwnCodebookMatchesEveryCodeAndChangesNothing() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = Archives.temporaryURL("own.qdc")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try await CodebookExport(store: workspace.store).render(.qdc).text.utf8).write(to: file)
        // Renamed since the export: matched by GUID, not by name.
        try workspace.write("codebooks/codebook.yaml", ExchangeWorkspace.codebook.replacing("name: Cost", with: "name: Kostnad"))
        _ = try await workspace.context.ingest.ingest()
        let report = try await CodebookImport(context: workspace.context).run(file, options: ImportOptions(coder: "x"))
        #expect(report.codesMatched == 5 && report.codesAdded.isEmpty && report.problems.isEmpty)
        #expect(try workspace.read("codebooks/codebook.yaml").contains("name: Kostnad"))
    }

    @Test func csvHasOneRowPerCodeInTreeOrder() async throws {
        let workspace = try await ExchangeWorkspace()
        try await workspace.code("int-014", quote: "Familjen", code: "need.safety")
        try await workspace.code("ws-001", quote: "Larmet", code: "need.safety")
        let (csv, _) = try await CodebookExport(store: workspace.store).render(.csv)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,name,kind,parent,description,include,exclude,examples,color,codings")
        #expect(lines[1] == "need,Needs,need,,,,,,#1f77b4,0")
        // Examples one per line inside a quoted field; the count of the code's own codings.
        #expect(lines[2] == "need.safety,Safety at home,need,need,Feeling safe at home.,\"Worry at night, alarms.\","
            + "Loneliness without worry.,\"Jag ligger vaken.\nLarmet & <knappen>\",,2")
        #expect(lines[3].hasPrefix("need.safety.night,") && lines[4].hasPrefix("barrier,") && lines.count == 7)
    }

    @Test func markdownNestsHeadingsAndShowsTextAsTyped() async throws {
        let workspace = try await ExchangeWorkspace()
        let (markdown, _) = try await CodebookExport(store: workspace.store).render(.md)
        #expect(markdown.hasPrefix("# Codebook\n"))
        #expect(markdown.contains("\n## Needs (`need`)\n") && markdown.contains("\n### Safety at home (`need.safety`)\n"))
        #expect(markdown.contains("\n#### At night (`need.safety.night`)\n"))
        #expect(markdown.contains("**Include:** Worry at night, alarms."))
        #expect(markdown.contains("- Larmet \\& \\<knappen\\>"))
        #expect(markdown.contains("Kind: need · colour: #1f77b4 · codings: 0"))
    }
}

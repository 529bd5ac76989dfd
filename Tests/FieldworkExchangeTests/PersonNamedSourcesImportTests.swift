import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// A source from another tool whose case has a person's name: "Interview Maria.docx" of case
/// "Maria Larsson" became `interview-maria` titled "Interview Maria.docx", and its `Maria:` turns
/// counted for no participant, so her words were shown with no consent applied (found by a new
/// user). The name is now kept out of the id and title, and a turn labelled with it refuses that
/// source, saying how to bring it in.
struct PersonNamedSourcesImportTests {
    static let code = ForeignProject.guid(1)

    static func project(text: String) -> ForeignProject {
        var project = ForeignProject(origin: "NVivo 14", counting: .codePoints)
        project.codes = [(code, "Safety at home", true, nil)]
        project.sources = [.init(name: "Interview Maria.docx", text: text, selections: [.init(quote: "unsafe at night", code: code)])]
        project.extra = """
            <Cases>
            <Case guid="\(ForeignProject.guid(70))" name="Maria Larsson"><SourceRef targetGUID="\(ForeignProject.guid(1000))"/></Case>
            </Cases>
            """
        return project
    }

    @Test func theNameLeavesTheIdAndTitle() async throws {
        let workspace = try await ExchangeWorkspace()
        let text = "Interviewer: How are you?\n\nR: I feel unsafe at night.\n\nInterviewer: Why?\n\nR: The stairs."
        let report = try await QDPXImport(context: workspace.context).run(try Self.project(text: text).pack(), options: ImportOptions(coder: "Chen"))
        #expect(report.written && report.problems.isEmpty, "\(report.problems)")
        let document = try #require(try await workspace.store.document(id: "interview-c01"))
        #expect(document.metadata.title == "Interview C01.docx" && document.metadata.participants == ["C01"])
        let file = try workspace.read("corpus/interview-c01.md")
        #expect(!file.contains("Maria"))
        // The report names the source as the other tool does (the researcher's own file), never the case.
        #expect(!report.lines.joined(separator: "\n").contains("Larsson"))
    }

    @Test func aTurnLabelledWithTheNameRefusesTheSourceAndSaysHow() async throws {
        let workspace = try await ExchangeWorkspace()
        let text = "Interviewer: How are you?\n\nMaria: I feel unsafe at night.\n\nInterviewer: Why?\n\nMaria: The stairs."
        let report = try await QDPXImport(context: workspace.context).run(try Self.project(text: text).pack(), options: ImportOptions(coder: "Chen"))
        let problem = try #require(report.problems.first)
        #expect(problem.reason.contains("its speaker label 'Maria' is the name of a case that looks like a person's (participant C01)"))
        #expect(problem.reason.contains("--speaker \"Maria=C01\""))
        #expect(try await workspace.store.documents().allSatisfy { !$0.metadata.id.contains("maria") })
        let corpus = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appending(path: "corpus").path)
        #expect(!corpus.contains { $0.lowercased().contains("maria") })
    }
}

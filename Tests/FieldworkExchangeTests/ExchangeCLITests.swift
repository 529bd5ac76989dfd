import FieldworkTestSupport
import Foundation
import Testing

/// The real `fieldwork` binary: export a project, import it into a second workspace with the
/// same corpus, and write a matrix.
@Suite(.serialized) struct ExchangeCLITests {
    static var executable: URL { FieldworkBinary.url }

    func run(_ workspace: URL, _ arguments: String...) throws -> ProcessOutput {
        try run(workspace, arguments)
    }

    func run(_ workspace: URL, _ arguments: [String]) throws -> ProcessOutput {
        try ProcessRunner.run(Self.executable, ["--workspace", workspace.path] + arguments)
    }

    @Test func exportImportAndMatrixThroughTheBinary() async throws {
        let source = try await QDPXExportTests.codedWorkspace()
        let export = try run(source.root, "export", "qdpx", "--out", "exports/study.qdpx")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("2 sources, 5 codes, 4 codings, 4 notes, 3 cases, 2 users"))
        let file = source.root.appending(path: "exports/study.qdpx")

        let target = try await ExchangeWorkspace()
        let dryRun = try run(target.root, "import", "qdpx", file.path, "--dry-run")
        #expect(dryRun.status == 0 && dryRun.stdout.hasPrefix("dry run, nothing written: study.qdpx (made by Fieldwork)"))
        let imported = try run(target.root, "import", "qdpx", file.path, "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
        #expect(report["written"] as? Bool == true && report["codings_imported"] as? Int == 4)
        #expect((report["problems"] as? [Any])?.isEmpty == true)
        #expect(try await target.codingFacts() == (try await source.codingFacts()))

        let matrix = try run(target.root, "export", "matrix", "--rows", "participant")
        #expect(matrix.status == 0, "\(matrix.stderr)")
        let csv = try String(contentsOf: target.root.appending(path: "exports/matrix-participant.csv"), encoding: .utf8)
        // The workshop note names no group, so its barrier.cost coding counts for no one (a group note).
        #expect(csv.hasPrefix("participant,role,need,need.safety,need.safety.night,barrier,barrier.cost\r\nR14,resident,0,1,1,0,1\r\n"))

        let markdown = try run(target.root, "export", "codebook", "--format", "md")
        #expect(markdown.status == 0 && markdown.stdout.contains("### Safety at home (`need.safety`)"))
    }

    @Test func anImportWithUnmappedItemsExitsNonZeroAndSaysWhy() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = try Archives.pack(project: """
            <Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>
            <TextSource guid="fdc926af-38ed-58fc-88b9-dcd467a7511a" name="Okänd" plainTextPath="internal://a.txt"/>
            </Sources></Project>
            """, files: [("a.txt", "Ingen känd text.")])
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try run(workspace.root, "import", "qdpx", file.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("source \"Okänd\": could not map: its text is not the plain text of any document"))
    }

    /// A damaged project.qde ends the command with one line naming file, line and column; the
    /// process does not crash (Foundation's XML parser did, even for --dry-run).
    @Test func aProjectThatIsNotUTF8FailsWithFileLineAndColumn() async throws {
        let target = try await ExchangeWorkspace()
        var xml = Data("<?xml version=\"1.0\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">\n<Users><User guid=\"{A}\" name=\"x\"/></Users></Project>".utf8)
        xml.insert(0xC3, at: try #require(xml.firstRange(of: Data("guid".utf8))).lowerBound + 1)
        let file = try Archives.pack(projectBytes: xml, files: [])
        defer { try? FileManager.default.removeItem(at: file) }
        for arguments in [["import", "qdpx", file.path, "--dry-run"], ["import", "qdpx", file.path]] {
            let output = try run(target.root, arguments)
            #expect(output.status == 1)
            #expect(output.stderr == "Error: \(file.lastPathComponent)/project.qde:3:15: byte 0xC3 is not UTF-8 (REFI-QDA files must be UTF-8)\n")
        }
    }
}

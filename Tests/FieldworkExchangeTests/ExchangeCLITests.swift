import FieldworkCore
@testable import FieldworkExchange
import FieldworkTestSupport
import Foundation
import Testing

/// The real `fieldwork` binary: export a project, import it into a second workspace with the
/// same corpus, and write a matrix.
@Suite(.serialized) struct ExchangeCLITests {
    static var executable: URL { FieldworkBinary.url }

    func run(_ workspace: URL, _ arguments: String...) async throws -> ProcessOutput {
        try await run(workspace, arguments)
    }

    func run(_ workspace: URL, _ arguments: [String]) async throws -> ProcessOutput {
        try await ProcessRunner.run(Self.executable, ["--workspace", workspace.path] + arguments,
                              environment: try TestStore.environment(forWorkspace: workspace))
    }

    @Test func exportImportAndMatrixThroughTheBinary() async throws {
        let source = try await QDPXExportTests.codedWorkspace()
        let export = try await run(source.root, "export", "qdpx", "--out", "exports/study.qdpx")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("2 sources, 5 codes, 4 codings, 4 notes, 3 cases, 2 users"))
        let file = source.root.appending(path: "exports/study.qdpx")

        let target = try await ExchangeWorkspace()
        let dryRun = try await run(target.root, "import", "qdpx", file.path, "--dry-run")
        #expect(dryRun.status == 0 && dryRun.stdout.hasPrefix("dry run, nothing written: study.qdpx (made by Fieldwork)"))
        let imported = try await run(target.root, "import", "qdpx", file.path, "--json")
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
        #expect(report["written"] as? Bool == true && report["codings_imported"] as? Int == 4)
        // Three analytic memos come as notes, and one coding's memo with its coding: all counted.
        #expect(report["memos_imported"] as? Int == 3 && report["coding_memos"] as? Int == 1)
        #expect((report["problems"] as? [Any])?.isEmpty == true)
        #expect(try await target.codingFacts() == (try await source.codingFacts()))

        let matrix = try await run(target.root, "export", "matrix", "--rows", "participant")
        #expect(matrix.status == 0, "\(matrix.stderr)")
        let csv = try String(contentsOf: target.root.appending(path: "exports/matrix-participant.csv"), encoding: .utf8)
        // The workshop note names no group, so its barrier.cost coding counts for no one (a group note).
        #expect(csv.hasPrefix("participant,role,need,need.safety,need.safety.night,barrier,barrier.cost\r\nR14,resident,0,1,1,0,1\r\n"))
        // Said as what it is: in no row because no participant of the passage is in one.
        #expect(matrix.stdout.contains("1 coding in no row: no participant of its passage is in one"), "\(matrix.stdout)")

        let markdown = try await run(target.root, "export", "codebook", "--format", "md")
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
        let result = try await run(workspace.root, "import", "qdpx", file.path, "--match-only")
        #expect(result.status == 1)
        #expect(result.stdout.contains("source \"Okänd\": could not map: its text is not the plain text of any document"))
    }

    /// `--positions utf16` (for NVivo) counts UTF-16 code units: the coding after 👩‍👩‍👧 (5 code
    /// points, 8 units) and 👍🏽 (2 and 4) moves accordingly; importing that file again reads the
    /// positions as UTF-16 from the quotes and gives the same codings.
    @Test func exportWithUTF16PositionsThroughTheBinary() async throws {
        let source = try await QDPXExportTests.codedWorkspace()
        let export = try await run(source.root, "export", "qdpx", "--out", "exports/nvivo.qdpx", "--positions", "utf16")
        #expect(export.status == 0 && export.stdout.contains("; positions in UTF-16 code units"), "\(export.stderr)")
        let file = source.root.appending(path: "exports/nvivo.qdpx")
        let xml = String(decoding: try Archives.unpack(try Data(contentsOf: file)).project, as: UTF8.self)
        let coding = try #require(try await source.store.codings(CodingFilter()).first { $0.quote.hasPrefix("👍🏽") })
        let prefix = try await source.plainText("int-014")[0..<coding.start]
        #expect(prefix.utf16.count == coding.start + 3)  // 👩‍👩‍👧 adds three units
        #expect(xml.contains("startPosition=\"\(prefix.utf16.count)\" endPosition=\"\(prefix.utf16.count + coding.quote.utf16.count)\""))

        let target = try await ExchangeWorkspace()
        let imported = try await run(target.root, "import", "qdpx", file.path)
        #expect(imported.status == 0, "\(imported.stdout)")
        #expect(imported.stdout.contains("    int-014: positions read as UTF-16 code units (quotes agree: 3 of 3)"), "\(imported.stdout)")
        #expect(try await target.codingFacts() == (try await source.codingFacts()))
        let bad = try await run(source.root, "export", "qdpx", "--positions", "bytes")
        #expect(bad.status != 0 && bad.stderr.contains("bytes"))
    }

    /// A foreign project through the binary: a dry run says what it would create and writes
    /// nothing; the import creates the documents and says how it read positions; again, it adds
    /// nothing; and ingest finds the new files already in the store.
    @Test func aForeignProjectBecomesDocumentsThroughTheBinary() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = try ForeignDocumentsImportTests.project().pack()
        defer { try? FileManager.default.removeItem(at: file) }
        let dryRun = try await run(workspace.root, "import", "qdpx", file.path, "--dry-run")
        #expect(dryRun.status == 0, "\(dryRun.stdout)\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("  documents: 2 to create from sources no document matched\n"
            + "    corpus/intervju-7.md from Intervju 7.docx (speakers R14, Intervjuare; participants R14)\n"
            + "    corpus/bakgrund.md from Bakgrund (no speaker turns)\n"))
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appending(path: "corpus/intervju-7.md").path))

        let imported = try await run(workspace.root, "import", "qdpx", file.path)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        #expect(imported.stdout.contains("    Intervju 7.docx → intervju-7: positions read as UTF-16 code units (no quotes to check; "
            + "NVivo 14 counts UTF-16 code units; 4 of 4 spans fall on word boundaries)"))
        #expect(imported.stdout.contains("  documents: 2 created from sources no document matched"))
        // Not "2 mapped to documents": no document matched them (a new user read that after an import into an empty workspace).
        #expect(imported.stdout.contains("  sources: 2 (0 matched to documents here, 2 created as new documents)"), "\(imported.stdout)")
        #expect(dryRun.stdout.contains("  sources: 2 (0 matched to documents here, 2 to create as new documents)"), "\(dryRun.stdout)")
        #expect(imported.stdout.contains("  codings: 5 new, 0 already present"))

        let again = try await run(workspace.root, "import", "qdpx", file.path)
        #expect(again.status == 0 && again.stdout.contains("  codings: 0 new, 5 already present"))
        #expect(!again.stdout.contains("documents:"))
        let ingest = try await run(workspace.root, "ingest")
        #expect(ingest.status == 0 && ingest.stdout.contains("added 0, updated 0"), "\(ingest.stdout)")
    }

    /// The sample study exported, then imported into a workspace made by `fieldwork init`: every
    /// document keeps its type, title, date and administrations, the documents whose Markdown
    /// travelled keep their headings and segments, and the codebook keeps its ids.
    @Test func theSampleStudyKeepsItsStructureThroughAnEmptyWorkspace() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = Archives.temporaryURL("sample")
        let empty = Archives.temporaryURL("empty")
        defer { for folder in [sample, empty] { try? FileManager.default.removeItem(at: folder) } }
        try FileManager.default.createDirectory(at: sample, withIntermediateDirectories: true)
        for folder in ["corpus", "codebooks", "codings"] {
            try FileManager.default.copyItem(at: root.appending(path: folder), to: sample.appending(path: folder))
        }
        #expect(try await run(sample, "ingest").status == 0)
        let export = try await run(sample, "export", "qdpx", "--out", "exports/study.qdpx")
        #expect(export.status == 0, "\(export.stderr)")
        let file = sample.appending(path: "exports/study.qdpx")
        let initialised = try await ProcessRunner.run(Self.executable, ["init", empty.path],
                                                      environment: try TestStore.environment(forWorkspace: empty))
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let imported = try await run(empty, "import", "qdpx", file.path)
        #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")

        func json(_ workspace: URL, _ arguments: String...) async throws -> Any {
            let output = try await run(workspace, arguments + ["--json"])
            #expect(output.status == 0, "\(output.stderr)")
            return try JSONSerialization.jsonObject(with: Data(output.stdout.utf8))
        }
        func documents(_ workspace: URL) async throws -> [String] {
            let list = try #require(try await json(workspace, "documents") as? [[String: Any]])
            return list.map { document in
                ["id", "type", "title", "date", "language"].map { "\(document[$0] ?? "-")" }.joined(separator: " | ")
                    + " | " + ((document["administrations"] as? [String]) ?? []).joined(separator: ",")
            }.sorted()
        }
        let expected = try await documents(sample)
        #expect(expected.count > 10 && expected.contains { $0.hasPrefix("ws-001 | workshop | Samskapande workshop 1") })
        #expect(try await documents(empty) == expected)
        func codeIDs(_ workspace: URL) async throws -> [String] {
            func walk(_ codes: [[String: Any]]) -> [String] {
                codes.flatMap { [$0["id"] as? String ?? "?"] + walk($0["children"] as? [[String: Any]] ?? []) }
            }
            return walk(try #require(try await json(workspace, "codebook", "show") as? [[String: Any]]))
        }
        #expect(try await codeIDs(empty) == (try await codeIDs(sample)))
        #expect(try await codeIDs(empty).contains("need.safety.night"))
        // Every document whose Markdown travelled is segmented as in the study (workshops by
        // heading), once the team has recorded the consents (an import adds participants without).
        let register = empty.appending(path: "corpus/participants.yaml")
        try FileManager.default.removeItem(at: register)
        try FileManager.default.copyItem(at: sample.appending(path: "corpus/participants.yaml"), to: register)
        #expect(try await run(empty, "ingest").status == 0)
        let archive = try Archives.unpack(try Data(contentsOf: file))
        let travelled = expected.map { String($0.prefix { $0 != " " }) }
            .filter { archive.sources[SourceMarkdown.fileName(sourceGUID: StableGUID.make(.document, $0))] != nil }
        #expect(travelled.contains("ws-001") && travelled.contains("pl-001"), "\(travelled)")
        for id in travelled {
            let segments = try await run(empty, "segments", id, "--json"), original = try await run(sample, "segments", id, "--json")
            #expect(segments.status == 0 && !original.stdout.isEmpty && segments.stdout == original.stdout, "\(id)")
        }
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
            let output = try await run(target.root, arguments)
            #expect(output.status == 1)
            #expect(output.stderr == "Error: \(file.lastPathComponent)/project.qde:3:15: byte 0xC3 is not UTF-8 (REFI-QDA files must be UTF-8)\n")
        }
    }
}

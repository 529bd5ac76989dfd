import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

struct QDPXExportTests {
    /// A workspace with codings across emoji and combining marks, memos of every kind, two coders.
    static func codedWorkspace() async throws -> ExchangeWorkspace {
        let workspace = try await ExchangeWorkspace()
        try await workspace.code("int-014", quote: "Familjen 👩‍👩‍👧 ringer", code: "need.safety", coder: "Anna",
                                 memo: "familj & \"trygghet\" <viktigt>")
        try await workspace.code("int-014", quote: "👍🏽 och då känner jag mig trygg på natten", code: "need.safety.night", coder: "Björn")
        try await workspace.code("int-014", quote: "n̈attlarmet kostar för mycket", code: "barrier.cost", coder: "Anna")
        try await workspace.code("ws-001", quote: "Det kostar för mycket för familjen.", code: "barrier.cost", coder: "Björn")
        _ = try await workspace.context.memos.add(target: .document, targetID: "int-014", author: "Anna", text: "Intervjun gick bra.")
        _ = try await workspace.context.memos.add(target: .project, targetID: "", author: "Björn", text: "Projektmemo 👩‍👩‍👧")
        _ = try await workspace.context.memos.add(target: .code, targetID: "barrier.cost", author: "Anna", text: "Kostnad & pris")
        return workspace
    }

    @Test func projectValidatesAgainstTheREFIQDASchema() async throws {
        let workspace = try await Self.codedWorkspace()
        let (data, summary) = try await QDPXExport(context: workspace.context).archive()
        let archive = try Archives.unpack(data)
        try SchemaValidator.expectValid(archive.project, schema: SchemaValidator.projectSchema)
        #expect(summary.sources == 2 && summary.codes == 5 && summary.codings == 4 && summary.users == 2)
        #expect(summary.notes == 4 && summary.cases == 3 && summary.orphansSkipped == 0)
    }

    @Test func selectionsAreCodePointPositionsIntoTheSourceFiles() async throws {
        let workspace = try await Self.codedWorkspace()
        let archive = try Archives.unpack(try await QDPXExport(context: workspace.context).archive().data)
        let project = try REFIReader.project(archive.project, file: "project.qde")
        let source = try #require(project.sources?.textSources?.first { $0.name == "int-014" })
        #expect(source.plainTextPath == "internal://\(StableGUID.make(.document, "int-014")).txt")
        let path = try #require(source.plainTextPath)
        let file = try #require(archive.internalFile(path))
        let text = ScalarText(String(decoding: file, as: UTF8.self))
        #expect(text.string == (try await workspace.plainText("int-014")).string)
        var quotes: [String] = []
        for selection in source.selections ?? [] {
            let start = try #require(Int(selection.startPosition ?? "")), end = try #require(Int(selection.endPosition ?? ""))
            quotes.append(text[start..<end])
        }
        #expect(quotes == ["Familjen 👩‍👩‍👧 ringer", "👍🏽 och då känner jag mig trygg på natten", "n̈attlarmet kostar för mycket"])
        // Code points, not UTF-16 units or characters: the emoji before "n̈attlarmet" make them differ.
        let plain = try await workspace.plainText("int-014").string
        let lastStart = try #require(Int(source.selections?.last?.startPosition ?? ""))
        let found = try #require(plain.range(of: "n̈attlarmet"))
        #expect(lastStart == plain.unicodeScalars.distance(from: plain.startIndex, to: found.lowerBound))
        #expect(lastStart != plain.utf16.distance(from: plain.startIndex, to: found.lowerBound))
        #expect(lastStart != plain.distance(from: plain.startIndex, to: found.lowerBound))
    }

    @Test func holdsUsersCodebookCasesAndNotesTheWayImportersReadThem() async throws {
        let workspace = try await Self.codedWorkspace()
        let archive = try Archives.unpack(try await QDPXExport(context: workspace.context).archive().data)
        let xml = String(decoding: archive.project, as: UTF8.self)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\""))
        #expect(xml.contains("creatingUserGUID=\"\(StableGUID.make(.user, "Anna"))\""))
        #expect(xml.contains("<User guid=\"\(StableGUID.make(.user, "Björn"))\" name=\"Björn\"/>"))
        let project = try REFIReader.project(archive.project, file: "project.qde")
        // Nested codes with colours and the rules in the description.
        let need = try #require(project.codeBook?.codes?.codes?.first)
        #expect(need.name == "Needs" && need.color == "#1f77b4" && need.isCodable == "true")
        let safety = try #require(need.children?.first)
        #expect(safety.description?.contains("Include: Worry at night, alarms.") == true)
        #expect(safety.children?.first?.name == "At night")
        // The code memo is referenced from its code; the project memo from the project.
        let cost = try #require(project.codeBook?.codes?.codes?.last?.children?.first)
        let notes = project.notes?.notes ?? []
        let costNote = try #require(notes.first { $0.guid == cost.noteRefs?.first?.targetGUID })
        #expect(costNote.plainTextPath.flatMap(archive.internalFile).map { String(decoding: $0, as: UTF8.self) } == "Kostnad & pris")
        #expect(project.noteRefs?.count == 1)
        // Every note and selection says who made it and when (QualCoder needs the date).
        #expect(notes.count == 4 && notes.allSatisfy { $0.creationDateTime != nil && $0.creatingUser != nil && $0.name != nil })
        let selections = project.sources?.textSources?.flatMap { $0.selections ?? [] } ?? []
        #expect(selections.allSatisfy { $0.creationDateTime != nil && $0.creatingUser != nil })
        // The coding memo is a note referenced from the coding, and the selection's description.
        let memoSelection = try #require(selections.first { $0.description != nil })
        #expect(memoSelection.description == "familj & \"trygghet\" <viktigt>")
        #expect(notes.contains { $0.guid == memoSelection.codings?.first?.noteRefs?.first?.targetGUID
            && $0.plainTextContent == "familj & \"trygghet\" <viktigt>" })
        // Participants as cases with their variables, linked to their sources.
        #expect(xml.contains("<Case guid=\"\(StableGUID.make(.participant, "R15"))\" name=\"R15\">"))
        #expect(xml.contains("name=\"Administration: Social services\" typeOfVariable=\"Boolean\""))
        #expect(xml.contains("<TextValue>70-79</TextValue>"))
        #expect(xml.contains("<SourceRef targetGUID=\"\(StableGUID.make(.document, "ws-001"))\"/>"))
    }

    /// Reads the unzipped project the way QualCoder's importer does (Python's ElementTree, the
    /// path after `internal:/` under `sources`, `fulltext[pos0:pos1]` in code points).
    @Test func pythonReadsTheSameQuotesTheWayQualCoderDoes() async throws {
        let workspace = try await Self.codedWorkspace()
        let archive = try Archives.unpack(try await QDPXExport(context: workspace.context).archive().data)
        let folder = Archives.temporaryURL("unzipped")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appending(path: "sources"), withIntermediateDirectories: true)
        try archive.project.write(to: folder.appending(path: "project.qde"))
        for (name, data) in archive.sources { try data.write(to: folder.appending(path: "sources/\(name)")) }
        let script = """
            import sys, json, xml.etree.ElementTree as etree
            ns = "{urn:QDA-XML:project:1.0}"
            folder = sys.argv[1]
            root = etree.parse(folder + "/project.qde").getroot()
            quotes = []
            for source in root.find(ns + "Sources"):
                path = folder + "/sources" + source.get("plainTextPath").split("internal:/")[1]
                fulltext = open(path, encoding="utf-8").read()
                for selection in source.findall(ns + "PlainTextSelection"):
                    quotes.append(fulltext[int(selection.get("startPosition")):int(selection.get("endPosition"))])
            print(json.dumps(quotes))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let quotes = try JSONDecoder().decode([String].self, from: data)
        #expect(quotes.map { Array($0.unicodeScalars) } == (try await workspace.codingFacts())
            .sorted { ($0[0], Int($0[2])!) < ($1[0], Int($1[2])!) }.map { Array($0[4].unicodeScalars) })
    }

    @Test func noteNamesAreUnique() async throws {
        let workspace = try await ExchangeWorkspace()
        for text in ["Första", "Andra", "Tredje"] {
            _ = try await workspace.context.memos.add(target: .project, targetID: "", author: "Anna", text: text)
        }
        let archive = try Archives.unpack(try await QDPXExport(context: workspace.context).archive().data)
        let names = try REFIReader.project(archive.project, file: "project.qde").notes?.notes?.compactMap(\.name)
        #expect(names == ["Project memo", "Project memo (2)", "Project memo (3)"])
    }

    @Test func repeatedExportsAreByteIdentical() async throws {
        let workspace = try await Self.codedWorkspace()
        let first = try await QDPXExport(context: workspace.context).archive().data
        let second = try await QDPXExport(context: workspace.context).archive().data
        #expect(first == second)
        try await workspace.code("ws-001", quote: "Larmet måste gå", code: "need", coder: "Anna")
        #expect(try await QDPXExport(context: workspace.context).archive().data != first)
    }

    @Test func orphanedCodingsAreLeftOut() async throws {
        let workspace = try await Self.codedWorkspace()
        try workspace.write("corpus/ws-001.md", ExchangeWorkspace.workshop.replacing("Det kostar för mycket för familjen.", with: "Helt annat."))
        _ = try await workspace.context.ingest.ingest()
        let (data, summary) = try await QDPXExport(context: workspace.context).archive()
        #expect(summary.orphansSkipped == 1 && summary.codings == 3)
        let archive = try Archives.unpack(data)
        try SchemaValidator.expectValid(archive.project, schema: SchemaValidator.projectSchema)
        #expect(!String(decoding: archive.project, as: UTF8.self).contains("Det kostar för mycket för familjen"))
    }

    @Test func anEmptyWorkspaceStillGivesAValidProject() async throws {
        let workspace = try await ExchangeWorkspace(codebook: "title: Empty\ncodes: []\n", corpus: [:])
        let archive = try Archives.unpack(try await QDPXExport(context: workspace.context).archive().data)
        try SchemaValidator.expectValid(archive.project, schema: SchemaValidator.projectSchema)
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        // Guards the guard: a selection without its required endPosition must fail validation.
        let xml = """
            <Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>
            <TextSource guid="fdc926af-38ed-58fc-88b9-dcd467a7511a" plainTextPath="internal://a.txt">
            <PlainTextSelection guid="33bda96d-d59e-561d-9fca-d218cd25e7a4" startPosition="1"/></TextSource></Sources></Project>
            """
        #expect(try !SchemaValidator.validate(Data(xml.utf8), schema: SchemaValidator.projectSchema).valid)
    }
}

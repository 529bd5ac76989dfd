import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// Imports of projects written by other tools: different GUID styles, CRLF and NFD texts with a
/// byte-order mark, codes we do not have, sources we cannot map.
struct QDPXImportTests {
    static let chen = "{A5DE7584-8296-418B-A322-136F77ADF87B}"
    static let safety = "{11111111-2222-4333-8444-555555555555}"
    static let neighbours = "{22222222-2222-4333-8444-555555555555}"

    /// The interview's text as a Windows tool stores it: BOM, CRLF, decomposed letters.
    static func foreignText(_ plain: String) -> String {
        "\u{FEFF}" + plain.replacing("\n", with: "\r\n").decomposedStringWithCanonicalMapping
    }

    /// `[start, end)` of `quote` in code points of `text` after its BOM, as the tool counts them.
    static func span(of quote: String, in text: String) throws -> (Int, Int) {
        let body = ScalarText(scalars: text.unicodeScalars.dropFirst())
        let needle = Array(quote.decomposedStringWithCanonicalMapping.unicodeScalars)
        let start = try #require(body.occurrences(of: needle).first)
        return (start, start + needle.count)
    }

    static func project(interview: String) throws -> (xml: String, files: [(name: String, text: String)]) {
        let (start, end) = try span(of: "Hemtjänsten kommer", in: interview)
        let (badStart, _) = try span(of: "Familjen", in: interview)
        let xml = """
            <?xml version="1.0" encoding="utf-8" standalone="yes"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="Studie" origin="QualCoder 3.6">
              <Users><User guid="\(chen)" name="Chen"/></Users>
              <CodeBook><Codes>
                <Code guid="\(safety)" name="safety at home" isCodable="true">
                  <Code guid="\(neighbours)" name="Grannar &amp; stöd" isCodable="true" color="#FF0000">
                    <Description>Help from neighbours</Description>
                  </Code>
                </Code>
                <Code guid="{33333333-2222-4333-8444-555555555555}" name="Övrigt" isCodable="false"/>
              </Codes></CodeBook>
              <Cases><Case guid="{44444444-2222-4333-8444-555555555555}" name="R14"/></Cases>
              <Sources>
                <TextSource guid="{55555555-2222-4333-8444-555555555555}" name="Intervju 14.docx" plainTextPath="internal://S1.txt">
                  <PlainTextSelection guid="{66666666-2222-4333-8444-555555555555}" startPosition="\(start)" endPosition="\(end)"
                      creatingUser="\(chen.lowercased())" creationDateTime="2024-01-02T03:04:05Z">
                    <Description>memo via description</Description>
                    <Coding guid="{77777777-2222-4333-8444-555555555555}"><CodeRef targetGUID="\(neighbours)"/></Coding>
                  </PlainTextSelection>
                  <PlainTextSelection guid="{88888888-2222-4333-8444-555555555555}" startPosition="\(badStart)" endPosition="\(badStart + 8)">
                    <Coding guid="{99999999-2222-4333-8444-555555555555}"><CodeRef targetGUID="{00000000-0000-4000-8000-000000000000}"/></Coding>
                  </PlainTextSelection>
                  <PlainTextSelection guid="{AAAAAAAA-2222-4333-8444-555555555555}" startPosition="5" endPosition="900000">
                    <Coding guid="{BBBBBBBB-2222-4333-8444-555555555555}"><CodeRef targetGUID="\(safety)"/></Coding>
                  </PlainTextSelection>
                </TextSource>
                <PDFSource guid="{CCCCCCCC-2222-4333-8444-555555555555}" name="Rapport.pdf" path="internal://R.pdf"/>
                <TextSource guid="{DDDDDDDD-2222-4333-8444-555555555555}" name="Annan intervju" plainTextPath="internal://S2.txt">
                  <PlainTextSelection guid="{EEEEEEEE-2222-4333-8444-555555555555}" startPosition="0" endPosition="4">
                    <Coding guid="{FFFFFFFF-2222-4333-8444-555555555555}"><CodeRef targetGUID="\(safety)"/>
                      <NoteRef targetGUID="{13131313-2222-4333-8444-555555555555}"/></Coding>
                  </PlainTextSelection>
                </TextSource>
              </Sources>
              <Notes>
                <Note guid="{12121212-2222-4333-8444-555555555555}" name="Dagbok" plainTextPath="internal://N1.txt"
                    creatingUser="\(chen)" creationDateTime="2024-02-03T04:05:06Z"/>
                <Note guid="{13131313-2222-4333-8444-555555555555}" name="Kodningsmemo">
                  <PlainTextContent>Hör till en kodning som inte kan importeras.</PlainTextContent>
                </Note>
              </Notes>
            </Project>
            """
        return (xml, [("S1.txt", interview), ("S2.txt", "Ingen sådan text finns.\r\n"), ("N1.txt", "Första dagen.\r\n")])
    }

    private func foreignFile(_ workspace: ExchangeWorkspace) async throws -> URL {
        let interview = Self.foreignText(try await workspace.plainText("int-014").string)
        let (xml, files) = try Self.project(interview: interview)
        return try Archives.pack(project: xml, files: files)
    }

    @Test func mapsByTextAddsNewCodesAndReportsWhatItCannotMap() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = try await foreignFile(workspace)
        defer { try? FileManager.default.removeItem(at: file) }
        let report = try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "importer", matchOnly: true))
        #expect(report.written && report.origin == "QualCoder 3.6")
        #expect(report.sources.map(\.document) == ["int-014"])
        #expect(report.codesMatched == 1 && report.codesAdded == ["need.safety.grannar_stod"])
        #expect(report.codesMatchedByName == ["safety at home → need.safety"])
        // "Övrigt" is a folder (isCodable="false"): not a code, and said so.
        #expect(report.notImported.contains("code folder Övrigt: not codable (isCodable=\"false\"), so not a code; it holds no codes"))
        #expect(report.codingMemos == 1)
        #expect(report.lines.contains("    matched by name: safety at home → need.safety"))
        #expect(report.lines.contains("  memos: 1 new, 0 already present; 1 memo of new codings kept on them"))
        #expect(report.codingsImported == 1 && report.memosImported == 1)
        let problems = report.problems.map(\.description).joined(separator: "\n")
        #expect(report.problems.count == 3, "\(problems)")
        #expect(problems.contains("source \"Annan intervju\": could not map: its text is not the plain text of any document "
            + "(compared after NFC and line-ending normalisation), and --match-only creates none"))
        #expect(problems.contains("which is not in the file's codebook"))
        #expect(problems.contains("[5, 900000) is outside the source's"))
        #expect(report.notImported.contains("1 PDF source: Fieldwork holds text transcripts only"))
        // Its one case is R14, a participant here already: not left out.
        #expect(report.casesAlreadyParticipants == 1 && !report.notImported.contains { $0.contains("case") })

        let coding = try #require(try await workspace.store.codings(CodingFilter()).first)
        #expect(coding.quote == "Hemtjänsten kommer" && coding.quote.unicodeScalars.count == 18)  // NFC again
        #expect(coding.codeID == "need.safety.grannar_stod" && coding.coder == "Chen" && coding.memo == "memo via description")
        #expect(coding.createdAt == Date(timeIntervalSince1970: 1_704_164_645))
        // The journal becomes a project memo; the note of the unmapped coding does not.
        let memos = try await workspace.store.memos(target: nil, targetID: nil)
        #expect(memos.count == 1 && memos.first?.target == .project)
        #expect(memos.first?.text == "Första dagen." && memos.first?.author == "Chen")

        // The new codes are in the YAML (the source of truth) and in the store.
        let yaml = try workspace.read("codebooks/codebook.yaml")
        #expect(yaml.contains("id: need.safety.grannar_stod") && yaml.contains("name: Grannar & stöd"))
        #expect(yaml.contains("color: \"#ff0000\"") && yaml.contains("description: Help from neighbours"))
        let codebook = try await workspace.store.codebook()
        #expect(codebook["need.safety.grannar_stod"]?.parentID == "need.safety" && codebook["need.safety.grannar_stod"]?.kind == .need)
        #expect(codebook["ovrigt"] == nil)
    }

    @Test func strictAndDryRunWriteNothing() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = try await foreignFile(workspace)
        defer { try? FileManager.default.removeItem(at: file) }
        for options in [ImportOptions(coder: "x", strict: true, matchOnly: true), ImportOptions(coder: "x", dryRun: true, matchOnly: true)] {
            let report = try await QDPXImport(context: workspace.context).run(file, options: options)
            #expect(!report.written && report.codingsImported == 1 && report.codesAdded.count == 1)
            #expect(try await workspace.store.codings(CodingFilter()).isEmpty)
            #expect(try await workspace.store.memos(target: nil, targetID: nil).isEmpty)
            #expect(try workspace.read("codebooks/codebook.yaml") == ExchangeWorkspace.codebook)
            #expect(try await workspace.store.codebook().codes.count == 5)
        }
    }

    @Test func somethingThatIsNotAProjectIsRefusedClearly() async throws {
        let workspace = try await ExchangeWorkspace()
        let text = Archives.temporaryURL("plain.qdpx")
        defer { try? FileManager.default.removeItem(at: text) }
        try Data("not a zip".utf8).write(to: text)
        await #expect(throws: ExchangeError.notAnArchive(text.lastPathComponent)) {
            try await QDPXImport(context: workspace.context).run(text, options: ImportOptions(coder: "x"))
        }
        let codebookInside = try Archives.pack(project: "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>", files: [])
        defer { try? FileManager.default.removeItem(at: codebookInside) }
        await #expect(throws: ExchangeError.unexpectedRoot(file: "\(codebookInside.lastPathComponent)/project.qde",
                                                           found: "CodeBook", expected: "Project")) {
            try await QDPXImport(context: workspace.context).run(codebookInside, options: ImportOptions(coder: "x"))
        }
    }

    /// A damaged entry names the archive and the entry (ZIPFoundation said only "corruptedData").
    @Test func aDamagedEntryNamesArchiveAndEntry() async throws {
        let workspace = try await ExchangeWorkspace()
        let xml = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\">" + String(repeating: "<Users/>", count: 2000) + "</Project>"
        let file = try Archives.pack(project: xml, files: [])
        defer { try? FileManager.default.removeItem(at: file) }
        var bytes = try Data(contentsOf: file)
        // Inside project.qde's compressed data: after its local header (30 bytes + name).
        for offset in 50..<60 { bytes[offset] ^= 0xFF }
        try bytes.write(to: file)
        await #expect {
            try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "x", dryRun: true))
        } throws: { error in
            "\(error)".hasPrefix("\(file.lastPathComponent)/project.qde: damaged")
        }
    }
}

import FieldworkCore
@testable import FieldworkExchange
import FieldworkServices
import Foundation
import Testing

/// A foreign project whose sources no document has: each becomes a corpus file whose plain text
/// is the source's, with its codings on it; importing again adds nothing.
struct ForeignDocumentsImportTests {
    static let code = ForeignProject.guid(1)
    static let newCode = ForeignProject.guid(2)

    /// An NVivo-style interview: BOM, CRLF, emoji, Markdown-looking text, runs of blank lines,
    /// spaces at line edges, and turns opening with `Name: `.
    static let interview = "\u{FEFF}R14: Familjen 👩‍👩‍👧 ringer varje kväll.\r\n\r\nIntervjuare: Och på natten?\r\n\r\n"
        + "R14: # inte en rubrik, * ingen lista\r\n- och 1. inte heller \\ snedstreck\r\n\r\n\r\n\r\n"
        + "  > indraget  \r\n\r\nIntervjuare: _Tack_ 👍🏽 för **i dag**.\r\n\r\nR14: Slut."
    /// One field per line, as NVivo exports a dataset row: one paragraph, no turns.
    static let fields = "Ålder: 70-79\nBoende: ensam\nKommun: Lund\n"

    static func project(origin: String = "NVivo 14", named: Bool = false) -> ForeignProject {
        var project = ForeignProject(origin: origin, counting: .utf16)
        project.codes = [(code, "Safety at home", true, nil), (newCode, "Familj", true, nil)]
        project.sources = [
            .init(name: "Intervju 7.docx", text: interview, selections: [
                .init(quote: "ringer varje kväll", code: newCode, named: named),
                .init(quote: "inte heller \\ snedstreck", code: code, named: named),
                .init(quote: "för **i dag**", code: code, named: named),
                .init(quote: "Slut", code: newCode, named: named),
            ]),
            .init(name: "Bakgrund", text: fields, selections: [.init(quote: "Boende: ensam", code: code, named: named)]),
        ]
        return project
    }

    static let quotes = ["ringer varje kväll", "inte heller \\ snedstreck", "för **i dag**", "Slut", "Boende: ensam"]

    /// The source's text in corpus form.
    static func canonical(_ text: String) -> String {
        String(text.unicodeScalars.drop { $0 == "\u{FEFF}" }).replacing("\r\n", with: "\n").precomposedStringWithCanonicalMapping
    }

    @Test func sourcesBecomeDocumentsWithTheirCodingsAndReimportAddsNothing() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = try Self.project().pack()
        let report = try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "Chen"))
        #expect(report.written && report.problems.isEmpty, "\(report.problems)")
        #expect(report.documentsCreated.map(\.path) == ["corpus/intervju-7.md", "corpus/bakgrund.md"])
        #expect(report.documentsCreated.map(\.speakers) == [["R14", "Intervjuare"], []])
        #expect(report.sources.map(\.positions) == [.utf16, .utf16])
        #expect(report.codingsImported == 5 && report.codesAdded == ["familj"])

        // The plain text is the source's, scalar for scalar; the turns carry their speakers.
        let interview = try #require(try await workspace.store.document(id: "intervju-7"))
        #expect(Array(interview.plainText.unicodeScalars) == Array(Self.canonical(Self.interview).unicodeScalars))
        #expect(interview.metadata.type == .interview && interview.metadata.participants == ["R14"])
        #expect(interview.metadata.title == "Intervju 7.docx" && interview.metadata.date == "2024-05-06")
        let speakers = try await workspace.store.segments(documentID: "intervju-7").compactMap(\.speaker)
        #expect(speakers == ["R14", "Intervjuare", "R14", "Intervjuare", "R14"])
        let fields = try #require(try await workspace.store.document(id: "bakgrund"))
        #expect(fields.plainText == "Ålder: 70-79\nBoende: ensam\nKommun: Lund\n" && fields.metadata.type == .note)

        // Every coding sits on its quote.
        let codings = try await workspace.store.codings(CodingFilter())
        #expect(Set(codings.map(\.quote)) == Set(Self.quotes) && codings.count == 5)

        // Again: nothing new, no second file; and ingest finds the files as the import stored them.
        let again = try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "Chen"))
        #expect(again.documentsCreated.isEmpty && again.codingsImported == 0 && again.codingsAlreadyPresent == 5)
        #expect(again.sources.map(\.document) == ["intervju-7", "bakgrund"])
        let corpus = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appending(path: "corpus").path).sorted()
        #expect(corpus == ["bakgrund.md", "int-014.md", "intervju-7.md", "participants.yaml", "ws-001.md"])
        let ingest = try await workspace.context.ingest.ingest()
        #expect(ingest.added == 0 && ingest.updated == 0 && ingest.problems.isEmpty)
    }

    @Test func aFailedImportLeavesNoCorpusFileAndNoDocument() async throws {
        let workspace = try await ExchangeWorkspace()
        // The codebook file is broken after ingest: adding the new code fails, after planning.
        try workspace.write("codebooks/codebook.yaml", "codes: [unclosed\n")
        let file = try Self.project(origin: "MAXQDA 24", named: true).pack()
        await #expect(throws: (any Error).self) {
            try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "Chen"))
        }
        let corpus = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appending(path: "corpus").path).sorted()
        #expect(corpus == ["int-014.md", "participants.yaml", "ws-001.md"])
        #expect(try await workspace.store.documents().map(\.metadata.id).sorted() == ["int-014", "ws-001"])
        #expect(try await workspace.store.codings(CodingFilter()).isEmpty)
    }

    @Test func dryRunAndStrictCreateNothing() async throws {
        let workspace = try await ExchangeWorkspace()
        var project = Self.project(origin: "MAXQDA 24", named: true)
        project.sources[1].selections[0].shift = 2  // a quote that disagrees: a problem, so --strict writes nothing
        let file = try project.pack()
        for options in [ImportOptions(coder: "x", dryRun: true), ImportOptions(coder: "x", strict: true)] {
            let report = try await QDPXImport(context: workspace.context).run(file, options: options)
            #expect(!report.written && report.documentsCreated.count == 2 && report.codingsImported == 4)
            #expect(report.lines.contains("  documents: 2 to create from sources no document matched"))
            let corpus = try FileManager.default.contentsOfDirectory(atPath: workspace.root.appending(path: "corpus").path)
            #expect(corpus.count == 3)
            #expect(try await workspace.store.documents().count == 2)
        }
    }

    @Test func codesAloneAreWrittenOnlyWhenAskedFor() async throws {
        let workspace = try await ExchangeWorkspace()
        let file = try Self.project().pack()
        let half = try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "x", matchOnly: true))
        #expect(!half.written && half.problems.contains { $0.reason.hasPrefix("not added: no codings, memos or documents") })
        #expect(try workspace.read("codebooks/codebook.yaml") == ExchangeWorkspace.codebook)

        let codes = try await QDPXImport(context: workspace.context).run(file, options: ImportOptions(coder: "x", codesOnly: true))
        #expect(codes.written && codes.codesAdded == ["familj"] && codes.documentsCreated.isEmpty)
        #expect(try workspace.read("codebooks/codebook.yaml").contains("id: familj"))
        let documents = try await workspace.store.documents().count, codings = try await workspace.store.codings(CodingFilter())
        #expect(documents == 2 && codings.isEmpty)
    }

    /// Arbitrary text (Markdown characters at line starts, backslashes, edge spaces, runs of
    /// blank lines, speaker-like labels) becomes a document whose plain text is that text.
    @Test func arbitraryTextRoundTripsThroughACreatedDocument() async throws {
        let workspace = try await ExchangeWorkspace()
        let pieces = ["#", "# ", "-", "- ", "*", "_", "1.", "1. ", "2)", ">", "> ", "\\", "\\\\", " ", "  ", "\n", "\n\n",
                      "\n\n\n", "\n\n\n\n", "R14: ", "Intervjuare: ", "Obs:", "ord", "Hemtjänsten", "é", "👍🏽", "👩‍👩‍👧",
                      "&amp;", "<b>", "`", "[x](y)", "\t", "=", "~~~", "+", "**", "ja.", "12."]
        var state: UInt64 = 0x5EED_1234
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var maker = SourceDocumentMaker(workspace: workspace.context.workspace, participants: ["R14"], usedIDs: [])
        for round in 0..<400 {
            let text = (0..<(1 + next(30))).map { _ in pieces[next(pieces.count)] }.joined().precomposedStringWithCanonicalMapping
            let made = try maker.make(REFI.TextSource(name: "Källa \(round)"), text: text).get()
            #expect(Array(made.change.text.plainText.unicodeScalars) == Array(text.unicodeScalars),
                    "text: \(String(reflecting: text))")
        }
    }

    /// An NVivo folder (`isCodable="false"`) is no code: its codes move up, a coding on it is
    /// refused with that reason; sets are listed one per line; codes matched by name are named.
    @Test func foldersSetsAndNameMatchesAreReported() async throws {
        let workspace = try await ExchangeWorkspace()
        let folder = ForeignProject.guid(3)
        var project = Self.project()
        project.codes = [(folder, "Teman", false, nil), (Self.newCode, "Familj", true, folder), (Self.code, "Safety at home", true, nil)]
        project.sources[1].selections.append(.init(quote: "Kommun", code: folder, named: false))
        project.extra = """
            <Sets><Set guid="\(ForeignProject.guid(4))" name="Kvinnor 70+"><MemberSource targetGUID="\(ForeignProject.guid(1000))"/></Set>
            <Set guid="\(ForeignProject.guid(5))" name="Trygghet"><MemberCode targetGUID="\(Self.code)"/><MemberCode targetGUID="\(folder)"/></Set></Sets>
            <Cases><Case guid="\(ForeignProject.guid(6))" name="R15"><SourceRef targetGUID="\(ForeignProject.guid(1001))"/></Case>
            <Case guid="\(ForeignProject.guid(7))" name="Person 9"><SourceRef targetGUID="\(ForeignProject.guid(1001))"/></Case></Cases>
            """
        let report = try await QDPXImport(context: workspace.context).run(try project.pack(), options: ImportOptions(coder: "x"))
        #expect(report.codesAdded == ["familj"] && report.codesMatchedByName == ["Safety at home → need.safety"])
        let codebook = try await workspace.store.codebook()
        #expect(codebook["familj"]?.parentID == nil && codebook.codes.allSatisfy { $0.name != "Teman" })
        #expect(report.problems.map(\.reason) == ["its coding refers to a code folder that is not codable (isCodable=\"false\"); not imported"])
        #expect(report.codingsImported == 5)
        let lines = report.lines
        #expect(lines.contains("  not imported:"))
        #expect(lines.contains("    set \"Kvinnor 70+\" (0 codes, 1 source): Fieldwork has no sets; group codes under a parent code instead"))
        #expect(lines.contains("    set \"Trygghet\" (2 codes, 0 sources): Fieldwork has no sets; group codes under a parent code instead"))
        #expect(lines.contains("    code folder Teman: not codable (isCodable=\"false\"), so not a code; its 1 code placed at the top level"))
        #expect(lines.contains("    matched by name: Safety at home → need.safety") && lines.contains("    new: familj"))
        // The cases that refer to a source join its front matter: a participant, and a new one
        // for a case whose name may be a person's (a generated id; the name stays out).
        #expect(try await workspace.store.document(id: "bakgrund")?.metadata.participants == ["R15", "C01"])
        #expect(lines.contains("    corpus/bakgrund.md from Bakgrund (no speaker turns; participants R15, C01)"))
        let register = try workspace.read("corpus/participants.yaml")
        #expect(!lines.joined().contains("Person 9") && !register.contains("Person 9") && register.contains("- id: \"C01\""))
    }
}

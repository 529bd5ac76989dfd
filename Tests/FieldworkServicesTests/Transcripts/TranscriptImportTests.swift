import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Transcripts in each format become corpus files that ingest splits into the right turns, and
/// the real names mapped with --speaker never reach the file.
@Suite struct TranscriptImportTests {
    static let realName = "Anna Svensson"

    /// The same conversation in every format; Word and LibreOffice files are made by pandoc here.
    static let fixtures: [String: String] = [
        "vtt": """
            WEBVTT

            00:00:01.000 --> 00:00:03.000
            <v Anna Svensson>Jag är rädd på natten 😟

            00:00:03.000 --> 00:00:05.000
            <v Anna Svensson>när det knakar &amp; *låter*.

            00:01:02.000 --> 00:01:04.000
            <v Intervjuare>Vad gör du då? 👩‍👩‍👧
            """,
        "srt": """
            1
            00:00:01,000 --> 00:00:03,000
            Anna Svensson: Jag är rädd på natten 😟

            2
            00:00:03,000 --> 00:00:05,000
            när det knakar & *låter*.

            3
            00:01:02,000 --> 00:01:04,000
            Intervjuare: Vad gör du då? 👩‍👩‍👧
            """,
        "txt": """
            [00:00:01] Anna Svensson: Jag är rädd på natten 😟
            när det knakar & *låter*.
            [00:01:02] Intervjuare: Vad gör du då? 👩‍👩‍👧
            """,
        "md": """
            **Anna Svensson:** Jag är rädd på natten 😟\\
            när det knakar & \\*låter\\*.

            **Intervjuare:** Vad gör du då? 👩‍👩‍👧
            """,
    ]

    static func sourceFile(_ format: String, in folder: URL) async throws -> URL {
        let url = folder.appending(path: "Intervju med \(realName).\(format)")
        if format == "docx" || format == "odt" {
            let markdown = folder.appending(path: "källa.md")
            try Data(fixtures["md"]!.utf8).write(to: markdown)
            let pandoc = try #require(ExternalProgram("pandoc"), "pandoc is installed by scripts/install-deps.sh test")
            let result = try await pandoc.run(["--from", "markdown", "--to", format, "--output", url.path, markdown.path])
            #expect(result.status == 0, "\(result.stderr)")
        } else {
            try Data(fixtures[format]!.utf8).write(to: url)
        }
        return url
    }

    @Test(arguments: ["vtt", "srt", "txt", "docx", "odt"])
    func importsAndIngestsWithPseudonyms(_ format: String) async throws {
        let workspace = try await TemporaryWorkspace()
        let source = try await Self.sourceFile(format, in: workspace.root)
        let service = workspace.context.transcripts
        let items = try await service.plan([(source, source.lastPathComponent)],
                                           options: TranscriptImportOptions(id: "int-020", speakers: [Self.realName: "R14"]))
        let item = try #require(items.first)
        #expect(item.problems == [])
        #expect(item.speakers.map(\.label) == ["R14", "Intervjuare"])
        #expect(item.turns == 2)
        try service.write(items)

        let written = try String(contentsOf: workspace.root.appending(path: "corpus/int-020.md"), encoding: .utf8)
        #expect(!written.contains(Self.realName) && !written.contains("Anna") && !written.contains("Svensson"))
        #expect(written.contains("participants: [\"R14\"]"))

        let summary = try await workspace.ingest()
        #expect(summary.failed == 0)
        let document = try #require(try await workspace.store.document(id: "int-020"))
        let segments = try await workspace.store.segments(documentID: "int-020")
        let text = ScalarText(document.plainText)
        #expect(segments.map(\.speaker) == ["R14", "Intervjuare"])
        // Subtitle cues keep their end; a text transcript has only its starts.
        let timed = switch format {
        case "docx", "odt", "md": ["", ""]
        case "txt": ["[00:00:01] ", "[00:01:02] "]
        default: ["[00:00:01–00:00:05] ", "[00:01:02–00:01:04] "]
        }
        #expect(segments.map { text[$0.start..<$0.end] } == [
            timed[0] + "Jag är rädd på natten 😟\nnär det knakar & *låter*.", timed[1] + "Vad gör du då? 👩‍👩‍👧",
        ])
        let times: [[Double?]] = switch format {
        case "docx", "odt", "md": [[nil, nil], [nil, nil]]
        case "txt": [[1, 62], [62, nil]]  // a start only: the turn ends where the next begins
        default: [[1, 5], [62, 64]]
        }
        #expect(segments.map { [$0.timeStart, $0.timeEnd] } == times)
    }

    /// A file with a BOM, CRLF and decomposed letters gives the text in corpus form (NFC, LF).
    @Test func textIsInCorpusFormAfterIngest() async throws {
        let workspace = try await TemporaryWorkspace()
        let source = workspace.root.appending(path: "crlf.txt")
        try Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array("R14:   Ja\u{308}, # inte 1. *så*  \r\nr\u{E4}tt\r\n\r\n\r\n  > nej\r\n".utf8))
            .write(to: source)
        let items = try await workspace.context.transcripts.plan([(source, "crlf.txt")], options: TranscriptImportOptions(id: "int-030"))
        try workspace.context.transcripts.write(items)
        #expect(try await workspace.ingest().failed == 0)
        let text = try await workspace.plainText("int-030").string
        #expect(Array(text.unicodeScalars) == Array("R14: Jä, # inte 1. *så*\nrätt\n\n> nej".unicodeScalars))
    }

    @Test func unknownSpeakersAreListedAndNothingIsWritten() async throws {
        let workspace = try await TemporaryWorkspace()
        let source = try await Self.sourceFile("srt", in: workspace.root)
        let items = try await workspace.context.transcripts.plan([(source, "intervju.srt")], options: TranscriptImportOptions())
        let item = try #require(items.first)
        #expect(item.unknownSpeakers.map(\.source) == [Self.realName])
        #expect(item.problems == ["1 unknown speaker; map each with --speaker \"NAME=PSEUDONYM\""])
        #expect(item.markdown.isEmpty)
        #expect(item.id == "intervju-med-anna-svensson")
    }

    @Test func anIDMadeFromARealNameIsRefused() async throws {
        let workspace = try await TemporaryWorkspace()
        let source = try await Self.sourceFile("srt", in: workspace.root)
        let items = try await workspace.context.transcripts.plan(
            [(source, "intervju.srt")], options: TranscriptImportOptions(speakers: [Self.realName: "R14"]))
        #expect(items[0].problems == [
            "the name mapped to R14 would appear in the id or title; choose others with --id and --title",
        ])
    }

    @Test func existingIDsAndFilesAreNeverReplaced() async throws {
        let workspace = try await TemporaryWorkspace()
        try workspace.write("corpus/annan.md", TemporaryWorkspace.interview(id: "int-020", body: "**R14:** Hej"))
        try workspace.write("corpus/int-021.md", "inte ens front matter")
        let source = try await Self.sourceFile("vtt", in: workspace.root)
        let options = { (id: String) in TranscriptImportOptions(id: id, speakers: [Self.realName: "R14"]) }
        let taken = try await workspace.context.transcripts.plan([(source, "a.vtt")], options: options("int-020"))
        #expect(taken[0].problems == ["the id 'int-020' is already used by a document; choose another with --id"])
        let existing = try await workspace.context.transcripts.plan([(source, "a.vtt")], options: options("int-021"))
        #expect(existing[0].problems == ["corpus/int-021.md already exists; it is never replaced"])
    }

    @Test func aMappedNameInTheSpokenTextIsRefused() async throws {
        let workspace = try await TemporaryWorkspace()
        let source = workspace.root.appending(path: "t.txt")
        try Data("Intervjuare: Tack, Anna Svensson.\nAnna Svensson: Varsågod.\n".utf8).write(to: source)
        let items = try await workspace.context.transcripts.plan(
            [(source, "t.txt")], options: TranscriptImportOptions(speakers: [Self.realName: "R14"]))
        #expect(items[0].problems == [
            "the name mapped to R14 occurs in the spoken text (turns starting on line 1); pseudonymise it in the source first",
        ])
    }

    /// An interviewer says the first name: "Berätta, Anna." passed for "Anna Svensson" (found by a
    /// new user). Any word of the name counts, as capitalised ("Ek" is a name, "ek" an oak).
    @Test func aWordOfTheMappedNameInTheTextOrTitleIsRefused() async throws {
        let workspace = try await TemporaryWorkspace()
        let source = workspace.root.appending(path: "t.txt")
        try Data("Intervjuare: Berätta, Anna.\nAnna Svensson: Ja, under en ek.\nIntervjuare: Tack.\n".utf8).write(to: source)
        let items = try await workspace.context.transcripts.plan(
            [(source, "t.txt")], options: TranscriptImportOptions(title: "Samtal med Anna", speakers: [Self.realName: "R14"]))
        #expect(items[0].problems == [
            "the name mapped to R14 would appear in the id or title; choose others with --id and --title",
            "the name mapped to R14 occurs in the spoken text (turns starting on line 1); pseudonymise it in the source first",
        ])
        let ek = try await workspace.context.transcripts.plan(
            [(source, "t.txt")], options: TranscriptImportOptions(speakers: ["Bo Ek": "R14"]))
        #expect(ek[0].problems.isEmpty || !ek[0].problems.contains { $0.contains("spoken text") }, "\(ek[0].problems)")
    }
}

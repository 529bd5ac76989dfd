import Foundation
import Testing

/// `import transcript` through the real binary, in a copy of the sample workspace.
@Suite(.serialized) struct TranscriptImportCLITests {
    static let vtt = """
        WEBVTT

        00:00:05.000 --> 00:00:08.000
        <v Greta Lind>Hemtjänsten kommer tre gånger om dagen 👍🏽

        00:00:09.000 --> 00:00:10.000
        <v Intervjuare>Och på natten?

        00:00:11.000 --> 00:00:14.000
        <v Bo Ek>Då är det tyst.
        """

    @Test func reportsMapsWritesAndRefusesToOverwrite() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let source = root.appending(path: "samtal.vtt")
        try Self.vtt.write(to: source, atomically: true, encoding: .utf8)

        let unknown = try await cli.run("import", "transcript", source.path, "--id", "int-900", "--speaker", "Greta Lind=R01")
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("(WebVTT, 3 cues): 3 turns, 3 speakers, 3 timestamps 00:00:05–00:00:14"), "\(unknown.stdout)")
        #expect(unknown.stdout.contains("speaker R01: 1 turn\n"))  // "1 turns" before
        #expect(unknown.stdout.contains("unknown speaker \"Bo Ek\": 1 turn (map it: --speaker \"Bo Ek=PSEUDONYM\")"))
        #expect(!unknown.stdout.contains("Greta"), "a mapped real name is not printed")
        #expect(unknown.stdout.contains("Nothing written"))
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "corpus/int-900.md").path))

        let dry = try await cli.run("import", "transcript", source.path, "--id", "int-900", "--speaker", "Greta Lind=R01",
                              "--speaker", "Bo Ek=R02", "--dry-run")
        #expect(dry.status == 0 && dry.stdout.contains("Dry run: nothing written."), "\(dry.stdout)\(dry.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "corpus/int-900.md").path))

        // The date and language in the front matter: consent is judged by the date (found by a new
        // user: an undated transcript was judged as made today), handouts quote their own language.
        let badDate = try await cli.run("import", "transcript", source.path, "--id", "int-900", "--date", "2025-13-01")
        #expect(badDate.status != 0 && badDate.stderr.contains("--date '2025-13-01' is not a calendar date YYYY-MM-DD"), "\(badDate.stderr)")
        let written = try await cli.run("import", "transcript", source.path, "--id", "int-900", "--speaker", "Greta Lind=R01",
                                  "--speaker", "Bo Ek=R02", "--date", "2025-05-02", "--language", "sv")
        #expect(written.status == 0 && written.stdout.contains("Wrote 1 file. Next: fieldwork ingest corpus/int-900.md"),
                "\(written.stdout)\(written.stderr)")
        let file = try String(contentsOf: root.appending(path: "corpus/int-900.md"), encoding: .utf8)
        #expect(!file.contains("Greta") && !file.contains("Lind") && !file.contains("Bo Ek"))
        #expect(file.contains("**R01:** [00:00:05–00:00:08] Hemtjänsten kommer tre gånger om dagen 👍🏽"))
        #expect(file.contains("\ndate: 2025-05-02\n") || file.contains("\ndate: \"2025-05-02\"\n"), "\(file)")
        #expect(file.contains("\nlanguage: sv\n") || file.contains("\nlanguage: \"sv\"\n"), "\(file)")

        let ingest = try await cli.run("ingest", "corpus/int-900.md")
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        #expect(!ingest.stderr.contains("no date"), "\(ingest.stderr)")
        let segments = try #require(try await cli.json("segments", "int-900") as? [[String: Any]])
        #expect(segments.compactMap { $0["speaker"] as? String } == ["R01", "Intervjuare", "R02"])
        #expect(segments.last?["text"] as? String == "[00:00:11–00:00:14] Då är det tyst.")
        // The cue times are the segments' times, in seconds, for playing the recording from a passage.
        #expect(segments.compactMap { $0["time_start"] as? Double } == [5, 9, 11])
        #expect(segments.compactMap { $0["time_end"] as? Double } == [8, 10, 14])

        let again = try await cli.run("import", "transcript", source.path, "--id", "int-900", "--speaker", "Greta Lind=R01",
                                "--speaker", "Bo Ek=R02")
        #expect(again.status == 1 && again.stdout.contains("the id 'int-900' is already used by a document"))
        #expect(again.stdout.contains("corpus/int-900.md already exists; it is never replaced"))
    }

    @Test func badSubtitlesNameFileAndLine() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appending(path: "trasig.srt")
        try "1\n00:00:01,000 --> 00:00:02,000\nHej\n\n2\n00:00:03,000 -> 00:00:04,000\nDå\n".write(to: source, atomically: true, encoding: .utf8)
        let result = try await CLIRunner(workspace: root).run("import", "transcript", source.path)
        #expect(result.status != 0)
        #expect(result.stderr.contains("trasig.srt:6: expected a cue timing like '00:01:02,500 --> 00:01:05,000'"), "\(result.stderr)")
    }

    /// A mapped real name in the words of a cue is reported on the line of those words: it named
    /// the timing line above them, in SubRip and in WebVTT (found by a new user).
    @Test func aRealNameInACueIsReportedOnTheLineOfItsText() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let subtitles: [(name: String, text: String, line: Int)] = [
            ("samtal.srt", "1\n00:00:01,000 --> 00:00:02,000\nIntervjuare: Tack, Greta Lind.\n\n2\n00:00:03,000 --> 00:00:04,000\nGreta Lind: Varsågod.\n", 3),
            ("samtal.vtt", "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Intervjuare>Tack, Greta Lind.\n\n00:00:03.000 --> 00:00:04.000\n<v Greta Lind>Varsågod.\n", 5),
        ]
        for (name, text, line) in subtitles {
            let source = root.appending(path: name)
            try text.write(to: source, atomically: true, encoding: .utf8)
            let result = try await cli.run("import", "transcript", source.path, "--id", "int-902", "--speaker", "Greta Lind=R01")
            #expect(result.status == 1)
            #expect(result.stdout.contains("the name mapped to R01 occurs in the spoken text (turns starting on line \(line));"),
                    "\(name): \(result.stdout)")
        }
    }
}

/// A `.txt` transcript whose turns carry `[hh:mm:ss]` or `[mm:ss]` times after the label, or on
/// the line before the turn, was reported as having no timestamps and kept them as spoken text.
@Suite struct TranscriptInlineTimesCLITests {
    @Test func timesAfterTheLabelOrOnTheLineBeforeAreTheTurnsTimes() async throws {
        let root = try CLIRunner.sampleWorkspaceCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let cli = CLIRunner(workspace: root)
        let source = root.appending(path: "samtal.txt")
        try """
            Intervjuare: [00:00:05] Hur är det på natten?
            R01: [00:12] Det är tyst.
            Och mörkt.

            [00:00:20]
            Intervjuare: Har du larmet på dig?
            [00:00:31] R01: Ja, numera.
            """.write(to: source, atomically: true, encoding: .utf8)
        let written = try await cli.run("import", "transcript", source.path, "--id", "int-901")
        #expect(written.status == 0, "\(written.stdout)\(written.stderr)")
        #expect(written.stdout.contains("4 turns, 2 speakers, 4 timestamps 00:00:05–00:00:31"), "\(written.stdout)")
        let file = try String(contentsOf: root.appending(path: "corpus/int-901.md"), encoding: .utf8)
        #expect(file.contains("**Intervjuare:** [00:00:05] Hur är det på natten?"), "\(file)")
        #expect(file.contains("**R01:** [00:00:12] Det är tyst."), "\(file)")
        #expect(file.contains("**Intervjuare:** [00:00:20] Har du larmet på dig?"), "\(file)")
        #expect(file.contains("**R01:** [00:00:31] Ja, numera."), "\(file)")
        #expect(!file.contains("\\[00"), "no time is left as escaped spoken text")
        #expect(try await cli.run("ingest").status == 0)
        let segments = try #require(try await cli.json("segments", "int-901") as? [[String: Any]])
        #expect(segments.compactMap { $0["time_start"] as? Double } == [5, 12, 20, 31])
    }
}

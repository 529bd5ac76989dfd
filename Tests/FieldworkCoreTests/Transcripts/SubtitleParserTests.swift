import FieldworkCore
import Testing

@Suite struct SubtitleParserTests {
    @Test func webVTTVoiceTagsTimesAndReferences() throws {
        let transcript = try WebVTTParser.parse("""
            WEBVTT - intervju

            NOTE inspelad i köket

            1
            00:00:01.000 --> 00:00:04.500 align:start
            <v Anna Svensson>Jag är rädd på natten 😟</v>

            00:00:04.500 --> 00:00:06.000
            <v Anna Svensson>när det &amp; <i>knakar</i>.

            01:02:03.000 --> 01:02:05.000
            <v.intervjuare Intervjuare>Hur ofta?
            """, file: "a.vtt")
        #expect(transcript.cueCount == 3)
        #expect(transcript.turns.map(\.speaker) == ["Anna Svensson", "Intervjuare"])
        #expect(transcript.turns[0].text == "Jag är rädd på natten 😟\nnär det & knakar.")
        #expect(transcript.turns[0].start?.label == "00:00:01" && transcript.turns[0].end?.milliseconds == 6_000)
        #expect(transcript.turns[1].start?.label == "01:02:03")
        #expect(transcript.turns[0].line == 7)  // the text's line, below the timing
    }

    @Test func webVTTLeadingNameWhenNoVoiceTag() throws {
        let transcript = try WebVTTParser.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nBo: Hej hej\n\n00:02.000 --> 00:03.000\nkl. 12:30 kom hon\n",
                                                file: "b.vtt")
        #expect(transcript.turns.count == 1)
        #expect(transcript.turns[0].speaker == "Bo")
        #expect(transcript.turns[0].text == "Hej hej\nkl. 12:30 kom hon")
    }

    @Test(arguments: [
        ("WEBVT\n\n00:01.000 --> 00:02.000\nx", "a.vtt:1: not a WebVTT file: the first line must be 'WEBVTT'"),
        ("WEBVTT\n\n00:01.000 -> 00:02.000\nx", "a.vtt:3: expected a cue timing like '00:01:02.500 --> 00:01:05.000'"),
        ("WEBVTT\n\n\n00:01.000 --> 00:61.000\nx", "a.vtt:4: cue end '00:61.000' is not a time like '00:01:02.500'"),
        ("WEBVTT\n\n00:03.000 --> 00:02.000\nx", "a.vtt:3: the cue ends (00:02.000) before it starts (00:03.000)"),
        ("WEBVTT\n\nid-only", "a.vtt:3: a cue without a timing line (expected '00:01:02.500 --> 00:01:05.000')"),
    ])
    func badWebVTTNamesFileAndLine(_ text: String, _ message: String) {
        #expect(throws: SourceProblem.self) { try WebVTTParser.parse(text, file: "a.vtt") }
        do { _ = try WebVTTParser.parse(text, file: "a.vtt") } catch { #expect(String(describing: error) == message) }
    }

    @Test func subRipDashNamesTagsAndMerging() throws {
        let transcript = try SubRipParser.parse("""
            1
            00:00:01,000 --> 00:00:02,000
            <i>Karin Öberg:</i> Välkommen 👋

            2
            00:00:02,000 --> 00:00:03,000
            - R14: Tack, {\\an8}det <är> fint.

            3
            00:00:03,000 --> 00:00:04,000
            Verkligen.
            """, file: "c.srt")
        #expect(transcript.turns.map(\.speaker) == ["Karin Öberg", "R14"])
        #expect(transcript.turns[1].text == "Tack, det <är> fint.\nVerkligen.")
        #expect(transcript.turns[1].start?.label == "00:00:02" && transcript.turns[1].line == 7)
    }

    @Test(arguments: [
        ("1\n00:00:01.000 --> 00:00:02,000\nx", "c.srt:2: cue start '00:00:01.000' is not a time like '00:01:02,500'"),
        ("x\n00:00:01,000 --> 00:00:02,000\nx", "c.srt:1: expected a cue number before the timing line (a SubRip cue is number, timing, text)"),
        ("1\n00:00:01,000 --> 00:00:02,000\nok\n\n2", "c.srt:5: cue 2 has no timing line (expected '00:01:02,500 --> 00:01:05,000')"),
    ])
    func badSubRipNamesFileAndLine(_ text: String, _ message: String) {
        do {
            _ = try SubRipParser.parse(text, file: "c.srt")
            Issue.record("expected a problem")
        } catch {
            #expect(String(describing: error) == message)
        }
    }

    @Test func plainTextTurnsParagraphsAndTimes() {
        let transcript = PlainTranscriptParser.parse("""
            Inledning utan talare.
            Intervjuare: Hur är det?
              [00:12:34] Anna Svensson: Bra, tack 🙂
            Andra raden.


            Sedan sa hon så här: nej.
            Obs. 3:e gången
            """)
        #expect(transcript.turns.map(\.speaker) == [nil, "Intervjuare", "Anna Svensson"])
        #expect(transcript.turns[2].text == "Bra, tack 🙂\nAndra raden.\n\nSedan sa hon så här: nej.\nObs. 3:e gången")
        #expect(transcript.turns[2].start?.label == "00:12:34" && transcript.turns[2].line == 3)
    }

    /// A fuzzed cue of 333333333333333 hours overflowed the milliseconds and trapped: hours are
    /// bounded, so such a time is malformed like any other.
    @Test func timesPastTheHourLimitAreMalformedNotAnOverflow() {
        #expect(TranscriptTime(parsing: "9999:59:59.999", fraction: ".", hoursRequired: true)?.milliseconds == 35_999_999_999)
        #expect(TranscriptTime(parsing: "10000:00:00.000", fraction: ".", hoursRequired: true) == nil)
        #expect(TranscriptTime(parsing: "333333333333333:00:04.000", fraction: ".", hoursRequired: true) == nil)
        #expect(TranscriptTime(parsing: "99999999999999999999:00:04,000", fraction: ",", hoursRequired: true) == nil)
    }
}

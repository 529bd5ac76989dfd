import FieldworkCore
import Testing

@Suite struct SegmentTimestampTests {
    @Test func timesAreReadAsTranscriptsCiteThem() {
        #expect(SegmentTimestamp.parse("[00:12:34] Ja.")! == (754, nil))
        #expect(SegmentTimestamp.parse("[12:34] Ja.")! == (754, nil))
        #expect(SegmentTimestamp.parse("[1:02:03.5]")! == (3723.5, nil))
        #expect(SegmentTimestamp.parse("[00:00:05,250]")! == (5.25, nil))
        #expect(SegmentTimestamp.parse("[00:12:34–00:12:40] Ja.")! == (754, 760))
        #expect(SegmentTimestamp.parse("[00:12:34 --> 00:12:40]")! == (754, 760))
        #expect(SegmentTimestamp.parse("[00:12:34-00:12:40]")! == (754, 760))
        for text in ["Ja [00:12:34]", "[skratt]", "[12:60]", "[00:75:00]", "[1.5]", "[00:12:40–00:12:34]", "[123:45]", "[]", "[00:12:34"] {
            #expect(SegmentTimestamp.parse(Substring(text)) == nil, "\(text)")
        }
    }

    /// Through the segmenter: a turn's time from its text, its end from a range or the next time.
    @Test func segmentsGetTheirTimes() {
        func turn(_ label: String, _ text: String, line: Int) -> TextBlock {
            TextBlock(kind: .paragraph, text: label + " " + text, leadingStrong: label, inListItem: false, lineStart: line, lineEnd: line)
        }
        let blocks = [
            turn("Intervjuare:", "[00:00:05] Hur mår du?", line: 1),
            turn("R14:", "Bra. [00:00:07] står inte först.", line: 3),
            turn("Intervjuare:", "[00:01:00–00:01:04] Och i natt?", line: 5),
            turn("R14:", "[00:01:10] Lugnt.", line: 7),
        ]
        let result = Segmenter(type: .interview, knownSpeakers: ["R14"]).segment(blocks)
        #expect(result.segments.map(\.timeStart) == [5, nil, 60, 70])
        #expect(result.segments.map(\.timeEnd) == [60, nil, 64, nil])
    }
}

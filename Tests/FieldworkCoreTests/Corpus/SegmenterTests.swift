import FieldworkCore
import Testing

@Suite struct SegmenterTests {
    private func paragraph(_ text: String, strong: String? = nil, line: Int, list: Bool = false) -> TextBlock {
        TextBlock(kind: .paragraph, text: text, leadingStrong: strong, inListItem: list, lineStart: line, lineEnd: line)
    }

    @Test func interviewTurnsFollowBoldLabelsAndContinueOverUnlabelledParagraphs() {
        let blocks = [
            paragraph("Intervjuare: Hur ser en vanlig dag ut?", strong: "Intervjuare:", line: 1),
            paragraph("R14: Jag vaknar tidigt.", strong: "R14:", line: 3),
            paragraph("Sedan dricker jag kaffe.", line: 5),
            paragraph("Intervjuare: Och sedan?", strong: "Intervjuare", line: 7),
        ]
        // The last label has its colon outside the bold run: "**Intervjuare**:".
        var last = blocks[3]
        last.leadingStrong = "Intervjuare"
        let result = Segmenter(type: .interview, knownSpeakers: ["R14"]).segment(Array(blocks[0..<3]) + [last])
        let text = ScalarText(result.plainText)
        #expect(result.segments.map(\.speaker) == ["Intervjuare", "R14", "Intervjuare"])
        #expect(result.segments.map(\.kind) == [.turn, .turn, .turn])
        #expect(text[result.segments[1].span] == "Jag vaknar tidigt.\n\nSedan dricker jag kaffe.")
        #expect(result.segments[1].lineStart == 3 && result.segments[1].lineEnd == 5)
        #expect(text[result.segments[2].span] == "Och sedan?")
        #expect(result.plainText.hasPrefix("Intervjuare: Hur ser"))
    }

    @Test func plainLabelsCountOnlyForKnownSpeakers() {
        let blocks = [
            paragraph("R03: Jag har inget BankID.", line: 1),
            paragraph("Note: the bus was late.", line: 3),
        ]
        let result = Segmenter(type: .interview, knownSpeakers: ["R03"]).segment(blocks)
        #expect(result.segments.count == 1)
        #expect(result.segments[0].speaker == "R03")
        #expect(ScalarText(result.plainText)[result.segments[0].span] == "Jag har inget BankID.\n\nNote: the bus was late.")
    }

    @Test func paragraphsBeforeTheFirstTurnStandAlone() {
        let blocks = [paragraph("Intervjun gjordes hemma.", line: 1), paragraph("R1: Hej.", strong: "R1:", line: 3)]
        let result = Segmenter(type: .interview).segment(blocks)
        #expect(result.segments.map(\.kind) == [.paragraph, .turn])
        #expect(result.segments[0].speaker == nil)
    }

    @Test func workshopNotesSplitByHeadingWithEachItemASegment() {
        let blocks = [
            TextBlock(kind: .heading(level: 1), text: "Workshop", lineStart: 1, lineEnd: 1),
            TextBlock(kind: .heading(level: 2), text: "Station 1: Trygghet", lineStart: 3, lineEnd: 3),
            TextBlock(kind: .heading(level: 3), text: "Grupp A", lineStart: 5, lineEnd: 5),
            paragraph("Dörrsensor som larmar", line: 7, list: true),
            paragraph("Nattlampa", line: 8, list: true),
            TextBlock(kind: .heading(level: 2), text: "Station 2", lineStart: 10, lineEnd: 10),
            paragraph("Sammanfattning.", line: 12),
        ]
        let result = Segmenter(type: .workshop).segment(blocks)
        #expect(result.segments.map(\.kind) == [.item, .item, .paragraph])
        #expect(result.segments[0].headingPath == ["Workshop", "Station 1: Trygghet", "Grupp A"])
        #expect(result.segments[2].headingPath == ["Workshop", "Station 2"])
        #expect(result.segments[1].heading == "Workshop › Station 1: Trygghet › Grupp A")
        #expect(result.segments.map(\.index) == [0, 1, 2])
    }

    @Test func offsetsCountUnicodeScalarsNotCharacters() {
        let family = "👩\u{200D}👩\u{200D}👧"
        let blocks = [paragraph("\(family) å", line: 1), paragraph("e\u{301}nd", line: 3)]
        let result = Segmenter(type: .note).segment(blocks)
        // 5 scalars for the family, space, å = 7; then "\n\n"; then e + combining mark + "nd" = 4.
        #expect(result.segments[0].span == 0..<7)
        #expect(result.segments[1].span == 9..<13)
        #expect(ScalarText(result.plainText)[result.segments[1].span] == "e\u{301}nd")
    }
}

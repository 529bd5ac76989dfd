import FieldworkCore
import FieldworkTestSupport
import Testing

@Suite struct ScalarTextTests {
    @Test func slicesByScalarsWhereStringCountWouldDiffer() {
        let text = ScalarText("a👍🏽b")  // 👍🏽 is one Character but two scalars
        #expect(text.count == 4)
        #expect("a👍🏽b".count == 3)
        #expect(text[1..<3] == "👍🏽")
        #expect(text[3..<4] == "b")
        #expect(text[2..<99] == "\u{1F3FD}b")
    }

    @Test func slicesOfEveryUTF8WidthEqualTheScalarsTheyHold() {
        // 1, 2, 3 and 4 UTF-8 bytes, a ZWJ sequence, NFD text and the widths' edges.
        let source = "a\u{7F}\u{80}å\u{7FF}\u{800}—\u{FFFF}\u{10000}👩‍👩‍👧e\u{301}\u{10FFFF}z"
        let text = ScalarText(source)
        for lower in 0...text.count {
            for upper in lower...text.count {
                let expected = String(String.UnicodeScalarView(text.scalars[lower..<upper]))
                #expect(text[lower..<upper] == expected)
                #expect(Array(text[lower..<upper].unicodeScalars) == Array(text.scalars[lower..<upper]))
            }
        }
        #expect(text.string == source)
    }

    @Test func anchorCarriesQuoteAndContext() {
        let text = ScalarText(String(repeating: "x", count: 40) + "QUOTE" + String(repeating: "y", count: 40))
        let anchor = TextQuoteAnchor(span: 40..<45, in: text)
        #expect(anchor.quote == "QUOTE")
        #expect(anchor.prefix == String(repeating: "x", count: 32))
        #expect(anchor.suffix == String(repeating: "y", count: 32))
    }

    @Test func isoDates() {
        #expect(ISODate.isValid("2024-02-29"))
        #expect(!ISODate.isValid("2025-02-29"))
        #expect(!ISODate.isValid("2025-13-01"))
        #expect(!ISODate.isValid("12/03/2025"))
    }
}

@Suite struct AnchorFromStringTests {
    @Test func byteWalkAgreesWithScalarSlicing() {
        let text = "Hej 👩‍👩‍👧 då, e\u{301}n gång till å ä ö — " + String(repeating: "x", count: 50) + " 👍🏽 slut"
        let scalars = ScalarText(text)
        for start in stride(from: 0, to: scalars.count, by: 3) {
            for end in [start + 1, start + 7, scalars.count] where end <= scalars.count && end > start {
                #expect(TextQuoteAnchor(span: start..<end, inText: text) == TextQuoteAnchor(span: start..<end, in: scalars))
            }
        }
        #expect(TextQuoteAnchor(span: 0..<(scalars.count + 1), inText: text) == nil)
        #expect(TextQuoteAnchor(span: 5..<5, inText: text) == nil)
        #expect(TextQuoteAnchor(span: -1..<3, inText: text) == nil)
    }

    @Test func anchorFromAWindowEqualsAnchorFromTheWholeText() {
        let text = "Hej 👩‍👩‍👧 då, e\u{301}n gång till å ä ö — " + String(repeating: "x", count: 50) + " 👍🏽 slut"
        let scalars = ScalarText(text)
        for start in 0..<scalars.count {
            for end in [start + 1, start + 9, scalars.count] where end <= scalars.count && end > start {
                let bounds = TextWindow.bounds(around: start..<end)
                let window = TextWindow(offset: bounds.lowerBound, text: scalars[bounds.clamped(to: 0..<scalars.count)],
                                        documentLength: scalars.count)
                #expect(TextQuoteAnchor(span: start..<end, in: window) == TextQuoteAnchor(span: start..<end, in: scalars))
            }
        }
        let whole = TextWindow(offset: 0, text: text, documentLength: scalars.count)
        #expect(TextQuoteAnchor(span: 3..<(scalars.count + 1), in: whole) == nil)
        // A window that starts after the prefix would give a short prefix: refused, not guessed.
        let late = TextWindow(offset: 40, text: scalars[40..<scalars.count], documentLength: scalars.count)
        #expect(TextQuoteAnchor(span: 50..<55, in: late) == nil)
        #expect(TextWindow.bounds(around: (Int.max - 1)..<Int.max).upperBound == Int.max)
    }

    @Test func slicesInOnePassEqualScalarSlicing() {
        let text = "Hej 👩‍👩‍👧 då, e\u{301}n gång — 👍🏽 slut"
        let scalars = ScalarText(text)
        let ranges = [0..<3, 4..<9, 9..<9, 12..<20, 20..<scalars.count]
        #expect(text.scalarSlices(ranges) == ranges.map { scalars[$0] })
        #expect(text.scalarSlices([(scalars.count - 2)..<(scalars.count + 5)]) == [scalars[(scalars.count - 2)..<scalars.count]])
    }

    /// Long ASCII runs are crossed eight bytes at a time: every cut, at every distance from a
    /// multi-byte scalar, must land where a scalar-by-scalar walk lands.
    @Test func cutsAcrossLongAsciiRunsMatchAScalarWalk() {
        let pieces = ["a", "hemtjänst ", "larmet går ", "👍🏽", "e\u{301}", "0123456789abcdef", " ", "å", "—"]
        var generator = SeededGenerator(seed: 14)
        let text = (0..<400).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        let scalars = Array(text.unicodeScalars)
        var bounds = (0..<60).map { _ in Int(generator.next() % UInt64(scalars.count + 1)) }.sorted()
        bounds.append(scalars.count)
        let ranges = zip([0] + bounds, bounds).map { $0..<$1 }
        let expected = ranges.map { range in String(String.UnicodeScalarView(scalars[range])) }
        #expect(text.scalarSlices(ranges) == expected)
        let byteRanges = text.scalarByteRanges(ranges)
        for (range, bytes) in zip(ranges, byteRanges) {
            #expect(bytes.lowerBound == String(String.UnicodeScalarView(scalars[..<range.lowerBound])).utf8.count)
            #expect(bytes.count == String(String.UnicodeScalarView(scalars[range])).utf8.count)
        }
    }

    @Test func contextCutsMoveToWordBoundariesWithoutPassingTheLimit() {
        let text = ScalarText("Jag bor ensam i lägenheten 👩‍👩‍👧 och larmet går")
        // A cut inside "ensam" moves to the start of "i"; one inside "lägenheten" back after "i".
        #expect(text.wordStart(from: 9, limit: 40) == 14)
        #expect(text[14..<15] == "i")
        #expect(text.wordEnd(from: 18, limit: 0) == 15)
        // Cuts already at a boundary, or at the ends, stay.
        #expect(text.wordStart(from: 8, limit: 40) == 8)
        #expect(text.wordStart(from: 0, limit: 40) == 0)
        #expect(text.wordEnd(from: text.count, limit: 0) == text.count)
        // Never past the passage: a word running into the limit stops there.
        #expect(text.wordStart(from: 9, limit: 11) == 11)
        #expect(text.wordEnd(from: 18, limit: 17) == 17)
    }
}

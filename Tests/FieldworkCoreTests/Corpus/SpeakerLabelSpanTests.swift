import FieldworkCore
import Testing

/// The text-only test a coding write makes before it would read a document's segments: it must
/// clear ordinary spans (so the hot path reads nothing more) and never clear a label.
@Suite struct SpeakerLabelSpanTests {
    static let text = "R14: Larmet går på natten, och då ringer jag till hemtjänsten och väntar länge på svar.\n\nIntervjuare: Hur länge?\n\nR14: En halvtimme."

    /// The window a write reads for `span`.
    static func window(_ span: Range<Int>) -> TextWindow {
        let scalars = Array(text.unicodeScalars)
        let bounds = TextWindow.bounds(around: span)
        let cut = bounds.clamped(to: 0..<scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[cut])
        return TextWindow(offset: cut.lowerBound, text: String(view), documentLength: min(scalars.count, bounds.upperBound))
    }

    static func span(of words: String, occurrence: Int = 0) -> Range<Int> {
        let scalars = Array(text.unicodeScalars), needle = Array(words.unicodeScalars)
        let starts = (0...(scalars.count - needle.count)).filter { Array(scalars[$0..<($0 + needle.count)]) == needle }
        return starts[occurrence]..<(starts[occurrence] + needle.count)
    }

    @Test func wordsOfATurnAreClearedFromTheTextAlone() {
        for words in ["Lar", "går på natten", "väntar länge", "svar.", "Hur länge?", "En halvtimme."] {
            let span = Self.span(of: words)
            #expect(!SpeakerLabelSpan.mayBeLabel(span, in: Self.window(span)), "\(words)")
        }
    }

    @Test func aLabelOrPartOfOneIsNeverCleared() {
        for (words, occurrence) in [("R14:", 0), ("R14", 1), ("Intervjuare:", 0), ("Interv", 0), ("R14: ", 1)] {
            let span = Self.span(of: words, occurrence: occurrence)
            #expect(SpeakerLabelSpan.mayBeLabel(span, in: Self.window(span)), "\(words)")
        }
        // The blank line before a label, with it.
        let label = Self.span(of: "Intervjuare:")
        #expect(SpeakerLabelSpan.mayBeLabel((label.lowerBound - 2)..<label.upperBound, in: Self.window((label.lowerBound - 2)..<label.upperBound)))
    }
}

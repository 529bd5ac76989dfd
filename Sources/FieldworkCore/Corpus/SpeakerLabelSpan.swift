/// Whether a span of a document's plain text holds only the speaker label of a turn (`R01:`,
/// `Intervjuare:`): no spoken word, so a coding of it would code nobody's words.
///
/// The label is part of the plain text (ingest keeps `**R01:**` as `R01:`) but not of the turn's
/// segment, which starts where the spoken words start (`SpeakerLabel.contentOffset`). A turn's
/// label is therefore the speaker's name and its colon just before the segment, with only white
/// space between them; a label standing alone on its line is followed by a blank line instead.
public enum SpeakerLabelSpan {
    /// The longest span that can hold only a label: the name (`SpeakerLabel.maximumLength`), its
    /// colon, and the blank lines and spaces around it. A longer span holds more than a label, so
    /// a coding write need not read the segments to know.
    public static let longestSpan = 2 * SpeakerLabel.maximumLength

    /// How far from a span a label that touches it can reach: the name, its colon and the white
    /// space up to the turn's words. A coding write's window reaches this far either side of the
    /// span (`TextWindow.bounds(around:)`), so that one window serves both checks below.
    public static let reach = SpeakerLabel.maximumLength + 8

    /// Where the turns begin whose labels may cover part of `span`: the segments
    /// `label(coveredBy:)` needs (a turn's segment starts after its label).
    public static func turnStarts(near span: Range<Int>) -> ClosedRange<Int> {
        span.lowerBound...(span.upperBound + reach)
    }

    /// The turn starts a coding write must read for `span` (`turnStarts(near:)`), or nil when its
    /// window (`TextWindow.bounds(around:)`) already clears it (`mayBeLabel`): nearly every write.
    public static func turnStartsToRead(for span: Range<Int>, in window: TextWindow) -> ClosedRange<Int>? {
        mayBeLabel(span, in: window) ? turnStarts(near: span) : nil
    }

    /// The label (`R01:`) when every scalar of `span` that is not white space lies in the label
    /// of one of `segments`' turns; nil when the span holds any other text. `window` must hold
    /// the span and `reach` scalars either side of it.
    public static func label(coveredBy span: Range<Int>, segments: [Segment], in window: TextWindow) -> String? {
        let starts = turnStarts(near: span)
        let turns = segments.filter { $0.kind == .turn && starts.contains($0.start) }
        // No turn begins near: nothing to cut the text into scalars for (a coding write's usual case).
        guard !turns.isEmpty else { return nil }
        let scalars = Array(window.text.unicodeScalars)
        func scalar(_ offset: Int) -> Unicode.Scalar? {
            let index = offset - window.offset
            return scalars.indices.contains(index) ? scalars[index] : nil
        }
        let labels = turns.compactMap { labelRange(of: $0, scalar: scalar) }
            .filter { $0.range.overlaps(span) }
        guard !labels.isEmpty else { return nil }
        for offset in span {
            guard let character = scalar(offset) else { return nil }
            if character.properties.isWhitespace { continue }
            guard labels.contains(where: { $0.range.contains(offset) }) else { return nil }
        }
        return labels.map(\.text).joined(separator: " ")
    }

    /// Whether `span` may hold only a label, judged from the text around it alone: a label ends in
    /// a colon on its own line, so the span's last word must be followed, on that line and within
    /// a name's length, by one. Nearly every coding fails this at once, and its write then need
    /// not read the turns near the span (`label(coveredBy:)`): the check costs the hot path nothing.
    /// True when `window` (as read for `span`: `TextWindow.bounds(around:)`) ends before it can tell.
    public static func mayBeLabel(_ span: Range<Int>, in window: TextWindow) -> Bool {
        guard span.count <= longestSpan else { return false }
        let scalars = Array(window.text.unicodeScalars)
        func scalar(_ offset: Int) -> Unicode.Scalar? {
            let index = offset - window.offset
            return scalars.indices.contains(index) ? scalars[index] : nil
        }
        guard let last = span.reversed().first(where: { scalar($0).map { !$0.properties.isWhitespace } ?? true }) else { return false }
        for offset in last...(last + SpeakerLabel.maximumLength + 1) {
            // Past the window: the text may go on (the window was cut where it was asked to end)
            // or has ended (then no colon follows).
            guard let character = scalar(offset) else { return window.offset + scalars.count >= TextWindow.bounds(around: span).upperBound }
            if character == ":" { return true }
            if character == "\n" || character == "\r" || character == "\u{2028}" { return false }
        }
        return false
    }

    /// From the label's first scalar to the turn's first spoken scalar, and the label as written.
    private static func labelRange(of turn: Segment, scalar: (Int) -> Unicode.Scalar?) -> (range: Range<Int>, text: String)? {
        guard let speaker = turn.speaker else { return nil }
        var position = turn.start
        while let previous = scalar(position - 1), previous.properties.isWhitespace { position -= 1 }
        guard scalar(position - 1) == ":" else { return nil }
        let colon = position - 1
        position = colon
        while let previous = scalar(position - 1), previous == " " || previous == "\t" { position -= 1 }
        let name = Array(speaker.unicodeScalars)
        let start = position - name.count
        guard start >= 0, name.indices.allSatisfy({ scalar(start + $0) == name[$0] }) else { return nil }
        var text = String.UnicodeScalarView()
        for offset in start...colon { if let character = scalar(offset) { text.append(character) } }
        return (start..<turn.start, String(text))
    }
}

import FieldworkCore

/// Decides how one source's positions are counted, from the evidence the source carries.
///
/// Most exporters write the selected text into a selection's `name`: then the reading is the
/// one under which the most quotes agree with the text their span lands on (every quote is
/// checked again when the coding is planned, so a disagreeing one is never imported). NVivo
/// leaves `name` empty: then the exporting tool (`origin`) decides — NVivo counts UTF-16 code
/// units, the standard and everyone else code points — unless spans fall on word and line
/// boundaries clearly more often under another reading.
struct PositionReadingChoice: Sendable {
    struct Selection: Sendable {
        var start: Int
        var end: Int
        /// The selection's `name`, when it holds text.
        var quote: String?
    }

    let positions: SourcePositions
    /// Why this reading, for the report: `quotes agree: 12 of 12`.
    let basis: String
    /// Every reading that places this source's selections differently (the chosen one included),
    /// built once per source: a disagreeing quote is checked against them.
    var alternatives: [SourcePositions] = []

    static func choose(_ map: SourceTextMap, text: ScalarText, selections: [Selection], origin: String?) -> PositionReadingChoice {
        let expected = expectedReading(origin: origin)
        // Ties go to what the exporting tool is known to count, then to the standard's code points.
        let order = [expected] + PositionReading.allCases.filter { $0 != expected }
        let readings = distinctReadings(map, selections: selections, order: order)
        let quoted = selections.filter { $0.quote != nil }
        if !quoted.isEmpty {
            let scored = readings.map { positions in (positions, quoted.count { agrees($0, positions, text) }) }
            // max(by:) keeps the last of equals; reversed, the first reading in order wins a tie.
            let best = scored.reversed().max { $0.1 < $1.1 } ?? scored[0]
            return PositionReadingChoice(positions: best.0, basis: "quotes agree: \(best.1) of \(quoted.count)",
                                         alternatives: readings)
        }
        let toolNote = origin.map { "no quotes to check; \($0) counts \(expected.rawValue)" }
            ?? "no quotes to check; REFI-QDA counts code points"
        guard !selections.isEmpty else { return PositionReadingChoice(positions: SourcePositions(map, reading: expected), basis: "no selections") }
        let scored = readings.map { positions in (positions, selections.count { onBoundaries($0, positions, text) }) }
        let byTool = scored.first { $0.0.reading == expected } ?? scored.first { $0.0.reading == .codePoints } ?? scored[0]
        let best = scored.reversed().max { $0.1 < $1.1 } ?? byTool
        // Boundaries overrule the tool only when they clearly favour another reading.
        if best.1 > byTool.1, byTool.1 < selections.count {
            return PositionReadingChoice(positions: best.0, basis: "no quotes to check; spans fall on word boundaries "
                + "\(best.1) of \(selections.count) times as \(best.0.reading.rawValue), \(byTool.1) as \(byTool.0.reading.rawValue)",
                alternatives: readings)
        }
        return PositionReadingChoice(positions: byTool.0, basis: toolNote
            + "; \(byTool.1) of \(selections.count) spans fall on word boundaries", alternatives: readings)
    }

    /// Whether a selection's quote agrees with the text under `positions` (false without a quote).
    static func agrees(_ selection: Selection, _ positions: SourcePositions, _ text: ScalarText) -> Bool {
        guard let quote = selection.quote, case .success(let span) = positions.span(selection.start, selection.end),
              text.isValidSpan(span) else { return false }
        return QuoteComparison.agrees(quote: quote, text: text[span])
    }

    /// The readings that place this source's selections differently, one of each kind (in a
    /// text without emoji UTF-16 is code points, without CRLF the CRLF readings are the others).
    private static func distinctReadings(_ map: SourceTextMap, selections: [Selection], order: [PositionReading]) -> [SourcePositions] {
        var seen: [[Range<Int>?]] = []
        var distinct: [SourcePositions] = []
        for reading in order {
            let positions = SourcePositions(map, reading: reading)
            let spans = selections.map { try? positions.span($0.start, $0.end).get() }
            if !seen.contains(spans) {
                seen.append(spans)
                distinct.append(positions)
            }
        }
        return distinct
    }

    static func expectedReading(origin: String?) -> PositionReading {
        (origin ?? "").lowercased().contains("nvivo") ? .utf16 : .codePoints
    }

    /// Whether the span starts and ends where a word (or line) does.
    private static func onBoundaries(_ selection: Selection, _ positions: SourcePositions, _ text: ScalarText) -> Bool {
        guard case .success(let span) = positions.span(selection.start, selection.end), text.isValidSpan(span) else { return false }
        return isBoundary(span.lowerBound, text) && isBoundary(span.upperBound, text)
    }

    private static func isBoundary(_ position: Int, _ text: ScalarText) -> Bool {
        guard position > 0, position < text.count else { return true }
        return !(isWord(text.scalars[position - 1]) && isWord(text.scalars[position]))
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark
    }
}

/// Reads a transcript in plain text (a `.txt` file, or a Word or LibreOffice document after
/// pandoc made it plain): a line opening with `Name:` starts a turn, optionally after a time
/// `[hh:mm:ss]` or `[mm:ss]`; other lines continue the turn. Lines are trimmed, and blank lines
/// separate paragraphs of a turn (a run of them counts as one).
public enum PlainTranscriptParser {
    public static func parse(_ text: String, lineOffset: Int = 0) -> Transcript {
        var turns: [TranscriptTurn] = []
        var paragraphBreak = false
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(String(rawLine).trimmingSpaces)
            guard !line.isEmpty else {
                paragraphBreak = true
                continue
            }
            let (time, afterTime) = leadingTime(line)
            if let label = TranscriptSpeakerPrefix.split(afterTime) {
                turns.append(TranscriptTurn(speaker: label.speaker, start: time, text: String(label.rest),
                                            line: index + 1 + lineOffset))
            } else if var last = turns.last {
                let separator = last.text.isEmpty ? "" : paragraphBreak ? "\n\n" : "\n"
                last.text += separator + line
                turns[turns.count - 1] = last
            } else {
                turns.append(TranscriptTurn(speaker: nil, start: time, text: String(afterTime), line: index + 1 + lineOffset))
            }
            paragraphBreak = false
        }
        return Transcript(turns: turns)
    }

    /// `[00:12:34] rest` → the time and `rest`; anything else is returned as it is.
    static func leadingTime(_ line: Substring) -> (TranscriptTime?, Substring) {
        guard line.first == "[", let close = line.firstIndex(of: "]") else { return (nil, line) }
        let inside = line[line.index(after: line.startIndex)..<close]
        guard let time = TranscriptTime(parsing: Substring(inside + ".000"), fraction: ".", hoursRequired: false) else {
            return (nil, line)
        }
        return (time, line[line.index(after: close)...].drop { $0 == " " || $0 == "\t" })
    }
}

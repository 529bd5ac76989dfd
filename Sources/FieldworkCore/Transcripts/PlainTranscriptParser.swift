/// Reads a transcript in plain text (a `.txt` file, or a Word or LibreOffice document after
/// pandoc made it plain): a line opening with `Name:` starts a turn; other lines continue the turn.
/// Lines are trimmed, and blank lines separate paragraphs of a turn (a run of them counts as one).
///
/// A turn's time `[hh:mm:ss]` or `[mm:ss]` is read where transcribers write it: before the
/// label (`[00:12:34] R07: …`), right after it (`R07: [00:12:34] …`), or alone on the line
/// before the turn. A turn still without a time takes the one that opens its next line. The
/// time becomes the turn's start (written back as `**R07:** [00:12:34] …`), not spoken text.
public enum PlainTranscriptParser {
    public static func parse(_ text: String, lineOffset: Int = 0) -> Transcript {
        var turns: [TranscriptTurn] = []
        var paragraphBreak = false
        // A time alone on its line: the start of the turn that follows (else a line of text).
        var pending: (time: TranscriptTime, line: Substring)?
        func continueLast(with line: Substring) {
            guard var last = turns.last else { return }
            let separator = last.text.isEmpty ? "" : paragraphBreak ? "\n\n" : "\n"
            last.text += separator + line
            turns[turns.count - 1] = last
        }
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Substring(String(rawLine).trimmingSpaces)
            guard !line.isEmpty else {
                paragraphBreak = true
                continue
            }
            let (leading, afterTime) = leadingTime(line)
            if let leading, afterTime.isEmpty, pending == nil {
                pending = (leading, line)
                continue
            }
            if let label = TranscriptSpeakerPrefix.split(afterTime) {
                let (afterLabel, rest) = leadingTime(label.rest)
                turns.append(TranscriptTurn(speaker: label.speaker, start: leading ?? afterLabel ?? pending?.time, text: String(rest),
                                            line: index + 1 + lineOffset))
            } else if let last = turns.last {
                if last.start == nil, let time = leading ?? pending?.time {
                    // The first time written in an untimed turn dates it.
                    turns[turns.count - 1].start = time
                    continueLast(with: leading != nil ? afterTime : line)
                } else {
                    if let pending { continueLast(with: pending.line) }
                    continueLast(with: line)
                }
            } else {
                turns.append(TranscriptTurn(speaker: nil, start: leading ?? pending?.time, text: String(afterTime), line: index + 1 + lineOffset))
            }
            pending = nil
            paragraphBreak = false
        }
        if let pending {
            if turns.isEmpty { turns.append(TranscriptTurn(speaker: nil, text: "", line: 1 + lineOffset)) }
            continueLast(with: pending.line)
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

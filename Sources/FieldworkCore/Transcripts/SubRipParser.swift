/// Reads SubRip subtitles (`.srt`): blocks of a sequence number, a timing line
/// `00:01:02,500 --> 00:01:05,000` and the text. The speaker is a leading `Name:` (after an
/// optional dialogue dash); formatting tags (`<i>`, `<font …>`, `{\an8}`) are removed.
/// Consecutive cues of one speaker form one turn that keeps the first cue's start.
public enum SubRipParser {
    static let example = "00:01:02,500 --> 00:01:05,000"

    public static func parse(_ text: String, file: String) throws -> Transcript {
        var turns: [TranscriptTurn] = []
        var cues = 0
        for block in CueBlocks.split(text) {
            let first = block.lines[0].trimmingSpacesSubstring
            guard !first.isEmpty, first.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw SourceProblem(file: file, line: block.firstLine,
                                    "expected a cue number before the timing line (a SubRip cue is number, timing, text)")
            }
            guard block.lines.count > 1 else {
                throw SourceProblem(file: file, line: block.firstLine, "cue \(first) has no timing line (expected '\(example)')")
            }
            let timingLine = block.firstLine + 1
            let (start, end) = try CueBlocks.timing(block.lines[1], fraction: ",", hoursRequired: true,
                                                    file: file, lineNumber: timingLine, example: example)
            cues += 1
            let cue = CueText.voiceAndText(block.lines.dropFirst(2).joined(separator: "\n"), decodeReferences: false)
            var text = cue.text
            if text.hasPrefix("- ") { text.removeFirst(2) }
            var speaker = cue.voice
            if speaker == nil, let label = TranscriptSpeakerPrefix.split(Substring(text)) {
                speaker = label.speaker
                text = String(label.rest)
            }
            // The text's line, below the timing: a problem with the words names where they are.
            turns.appendCue(speaker: speaker, start: start, end: end, text: text, line: timingLine + 1)
        }
        return Transcript(turns: turns, cueCount: cues)
    }
}

extension Substring {
    var trimmingSpacesSubstring: String { String(self).trimmingSpaces }
}

/// Reads WebVTT captions (W3C WebVTT): the `WEBVTT` signature, then cues of an optional
/// identifier, a timing line and the text. `NOTE`, `STYLE` and `REGION` blocks are skipped.
/// The speaker comes from a voice tag `<v Name>` (`<v.loud Name>` too) or else a leading
/// `Name:`; other tags are removed and the character references of WebVTT decoded. Consecutive
/// cues of one speaker form one turn that keeps the first cue's start.
public enum WebVTTParser {
    static let example = "00:01:02.500 --> 00:01:05.000"

    public static func parse(_ text: String, file: String) throws -> Transcript {
        let blocks = CueBlocks.split(text)
        guard let header = blocks.first, header.firstLine == 1, let signature = header.lines.first,
              signature == "WEBVTT" || signature.hasPrefix("WEBVTT ") || signature.hasPrefix("WEBVTT\t") else {
            throw SourceProblem(file: file, line: 1, "not a WebVTT file: the first line must be 'WEBVTT'")
        }
        var turns: [TranscriptTurn] = []
        var cues = 0
        for block in blocks.dropFirst() {
            let first = block.lines[0]
            if first.hasPrefix("NOTE") || first.hasPrefix("STYLE") || first.hasPrefix("REGION") { continue }
            // An identifier line may come before the timing; the timing line holds the arrow. With
            // no arrow on either, the first line is the timing that went wrong.
            let timingIndex = first.contains("-->") ? 0 : block.lines.count > 1 && block.lines[1].contains("-->") ? 1 : 0
            if timingIndex == 0, !first.contains("-->"), block.lines.count == 1 {
                throw SourceProblem(file: file, line: block.firstLine, "a cue without a timing line (expected '\(example)')")
            }
            let timingLine = block.firstLine + timingIndex
            let (start, end) = try CueBlocks.timing(block.lines[timingIndex], fraction: ".", hoursRequired: false,
                                                    file: file, lineNumber: timingLine, example: example)
            cues += 1
            let payload = block.lines[(timingIndex + 1)...].joined(separator: "\n")
            let (voice, text) = CueText.voiceAndText(payload, decodeReferences: true)
            let speaker = voice ?? TranscriptSpeakerPrefix.split(Substring(text)).map(\.speaker)
            let spoken = voice == nil ? TranscriptSpeakerPrefix.split(Substring(text)).map { String($0.rest) } ?? text : text
            turns.appendCue(speaker: speaker, start: start, end: end, text: spoken, line: timingLine + 1)
        }
        return Transcript(turns: turns, cueCount: cues)
    }
}

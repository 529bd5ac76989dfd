/// A transcript as read from another format (subtitles, a Word document, plain text), before it
/// becomes a corpus file: speaker turns in order, with the speaker as the source names them.
public struct Transcript: Sendable, Hashable {
    public var turns: [TranscriptTurn]
    /// Subtitle cues read (WebVTT, SubRip); 0 for formats without cues.
    public var cueCount: Int

    public init(turns: [TranscriptTurn], cueCount: Int = 0) {
        self.turns = turns
        self.cueCount = cueCount
    }

    /// Speakers in order of first appearance.
    public var speakers: [String] {
        var seen = Set<String>()
        return turns.compactMap(\.speaker).filter { seen.insert($0).inserted }
    }

    public var timedTurnCount: Int { turns.count { $0.start != nil } }
}

public struct TranscriptTurn: Sendable, Hashable {
    /// The label in the source (possibly a real name); nil for text before any speaker.
    public var speaker: String?
    public var start: TranscriptTime?
    public var end: TranscriptTime?
    /// Plain text: lines joined by `\n`, paragraphs by `\n\n`.
    public var text: String
    /// The source line the turn's text starts on (a subtitle cue's first text line, below its timing).
    public var line: Int

    public init(speaker: String?, start: TranscriptTime? = nil, end: TranscriptTime? = nil, text: String, line: Int) {
        self.speaker = speaker
        self.start = start
        self.end = end
        self.text = text
        self.line = line
    }
}

extension [TranscriptTurn] {
    /// Appends a cue: it continues the last turn when the speaker is the same or not named
    /// (subtitles name a speaker only when it changes), else starts a turn.
    mutating func appendCue(speaker: String?, start: TranscriptTime, end: TranscriptTime, text: String, line: Int) {
        if var last = self.last, speaker == nil || speaker == last.speaker {
            last.text += last.text.isEmpty || text.isEmpty ? text : "\n" + text
            last.end = end
            self[count - 1] = last
        } else {
            append(TranscriptTurn(speaker: speaker, start: start, end: end, text: text, line: line))
        }
    }
}

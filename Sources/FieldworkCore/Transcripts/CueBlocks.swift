/// The blocks of a subtitle file (WebVTT, SubRip): runs of non-blank lines, with the number of
/// each block's first line, so problems can name it.
struct CueBlock {
    var lines: [Substring]
    var firstLine: Int
}

enum CueBlocks {
    static func split(_ text: String) -> [CueBlock] {
        var blocks: [CueBlock] = []
        var current: CueBlock?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if String(line).trimmingSpaces.isEmpty {
                if let block = current { blocks.append(block) }
                current = nil
            } else if current == nil {
                current = CueBlock(lines: [line], firstLine: index + 1)
            } else {
                current?.lines.append(line)
            }
        }
        if let block = current { blocks.append(block) }
        return blocks
    }

    /// `START --> END [settings]`: the two times, or a problem describing the line.
    static func timing(
        _ line: Substring, fraction: Character, hoursRequired: Bool, file: String, lineNumber: Int, example: String
    ) throws -> (TranscriptTime, TranscriptTime) {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 3, fields[1] == "-->" else {
            throw SourceProblem(file: file, line: lineNumber, "expected a cue timing like '\(example)'")
        }
        guard let start = TranscriptTime(parsing: fields[0], fraction: fraction, hoursRequired: hoursRequired) else {
            throw SourceProblem(file: file, line: lineNumber, "cue start '\(fields[0])' is not a time like '\(example.prefix { $0 != " " })'")
        }
        guard let end = TranscriptTime(parsing: fields[2], fraction: fraction, hoursRequired: hoursRequired) else {
            throw SourceProblem(file: file, line: lineNumber, "cue end '\(fields[2])' is not a time like '\(example.prefix { $0 != " " })'")
        }
        guard start <= end else {
            throw SourceProblem(file: file, line: lineNumber, "the cue ends (\(fields[2])) before it starts (\(fields[0]))")
        }
        return (start, end)
    }
}

/// Builds a document's plain text (blocks separated by a blank line) and splits it into
/// segments: speaker turns for interviews, one segment per paragraph or list item under its
/// heading path for workshop, policy-lab and other notes.
///
/// Offsets are counted in Unicode scalars while the text is assembled, so no slicing of
/// `String` by characters ever happens.
public struct Segmenter: Sendable {
    public var type: DocumentType
    /// Names that may open a turn in the plain `Name:` form (lower-cased).
    public var knownSpeakers: Set<String>

    public init(type: DocumentType, knownSpeakers: [String] = []) {
        self.type = type
        self.knownSpeakers = Set(knownSpeakers.map { $0.lowercased() })
            .union(SpeakerLabel.genericInterviewerLabels)
    }

    public func segment(_ blocks: [TextBlock]) -> SegmentedText {
        var builder = Builder(bySpeaker: type.segmentsBySpeaker, knownSpeakers: knownSpeakers)
        for block in blocks where !block.text.isEmpty {
            builder.add(block)
        }
        return builder.finish()
    }
}

private struct Builder {
    let bySpeaker: Bool
    var knownSpeakers: Set<String>
    var text = ""
    var length = 0
    var segments: [Segment] = []
    var headings: [(level: Int, title: String)] = []
    var openTurn: Segment?

    init(bySpeaker: Bool, knownSpeakers: Set<String>) {
        self.bySpeaker = bySpeaker
        self.knownSpeakers = knownSpeakers
    }

    mutating func add(_ block: TextBlock) {
        let blockStart = append(block.text)
        let blockEnd = length
        switch block.kind {
        case .heading(let level):
            closeTurn()
            headings.removeAll { $0.level >= level }
            headings.append((level, block.text))
        case .paragraph where bySpeaker && !block.inListItem:
            if let label = label(of: block) {
                closeTurn()
                let contentStart = blockStart + label.contentOffset
                openTurn = segment(.turn, speaker: label.speaker, start: contentStart, end: blockEnd, block: block)
            } else {
                continueOrStandAlone(block, start: blockStart, end: blockEnd)
            }
        case .paragraph, .literal:
            if bySpeaker {
                continueOrStandAlone(block, start: blockStart, end: blockEnd)
            } else {
                segments.append(segment(block.inListItem ? .item : .paragraph, speaker: nil,
                                        start: blockStart, end: blockEnd, block: block))
            }
        }
    }

    mutating func finish() -> SegmentedText {
        closeTurn()
        SegmentTimestamp.assign(&segments, plainText: text)
        return SegmentedText(plainText: text, segments: segments)
    }

    private mutating func label(of block: TextBlock) -> SpeakerLabel? {
        if let bold = SpeakerLabel.bold(in: block) {
            knownSpeakers.insert(bold.speaker.lowercased())
            return bold
        }
        return SpeakerLabel.plain(in: block, known: knownSpeakers)
    }

    /// Unlabelled blocks continue the open turn; before any turn they stand alone.
    private mutating func continueOrStandAlone(_ block: TextBlock, start: Int, end: Int) {
        if var turn = openTurn {
            if turn.start == turn.end { turn.start = start }  // the label stood alone on its line
            turn.end = end
            turn.lineEnd = max(turn.lineEnd, block.lineEnd)
            openTurn = turn
        } else {
            segments.append(segment(.paragraph, speaker: nil, start: start, end: end, block: block))
        }
    }

    private mutating func closeTurn() {
        if let turn = openTurn, turn.end > turn.start {
            segments.append(turn)
        }
        openTurn = nil
    }

    private func segment(_ kind: SegmentKind, speaker: String?, start: Int, end: Int, block: TextBlock) -> Segment {
        Segment(index: segments.count, kind: kind, speaker: speaker, headingPath: headings.map(\.title),
                start: start, end: end, lineStart: block.lineStart, lineEnd: block.lineEnd)
    }

    /// Appends a block, separated from the previous one by a blank line; returns its start offset.
    private mutating func append(_ blockText: String) -> Int {
        if length > 0 {
            text += "\n\n"
            length += 2
        }
        let start = length
        text += blockText
        length += blockText.scalarCount
        return start
    }
}

/// Applies the attribution rule (see `Attribution`) to the segments of one document.
public struct PassageAttributor: Sendable {
    let roster: GroupRoster
    let known: Set<String>

    /// - Parameters:
    ///   - segments: the document's segments, in order.
    ///   - text: the document's plain text, to read roster lines and named authors.
    ///   - known: every participant id of the register.
    public init(segments: [Segment], text: ScalarText, known: Set<String>) {
        self.known = known
        let paragraphs = segments.filter { $0.kind == .paragraph }.map { ($0, text[$0.span]) }
        roster = GroupRoster(paragraphs: paragraphs, isParticipant: known.contains)
    }

    /// Whose words `segment` holds; `text` is the segment's text (for named authors).
    public func attribute(_ segment: Segment?, text: String) -> Attribution {
        guard let segment else { return Attribution(participants: [], basis: .groupNote) }
        if let speaker = segment.speaker { return Self.attribute(speaker: speaker, known: known) }
        if let authors = Self.namedAuthors(in: text, isParticipant: known.contains) {
            return Attribution(participants: authors, basis: .named)
        }
        if let group = roster.group(enclosing: segment.headingPath) {
            return Attribution(participants: group.members, basis: .group, group: Segment.headingLine(group.path))
        }
        return Attribution(participants: [], basis: .groupNote, group: segment.heading)
    }

    /// A turn's words are its speaker's, if a participant: the rule needs neither the document's
    /// text nor its other segments (search checks turns with it without loading them).
    public static func attribute(speaker: String, known: Set<String>) -> Attribution {
        known.contains(speaker)
            ? Attribution(participants: [speaker], basis: .speaker)
            : Attribution(participants: [], basis: .nonParticipant)
    }

    /// The participants a note names as its authors in a closing parenthesis: "… (R11)",
    /// "… (R03, R06)." Every name must be a participant, or the parenthesis is just text.
    static func namedAuthors(in text: String, isParticipant: (String) -> Bool) -> [String]? {
        var body = text.trimmingWhitespace()
        if body.hasSuffix(".") { body.removeLast() }
        guard body.hasSuffix(")"), let open = body.lastIndex(of: "(") else { return nil }
        let inner = body[body.index(after: open)..<body.index(before: body.endIndex)]
        let names = ParticipantList.split(inner)
        guard !names.isEmpty, names.allSatisfy(isParticipant) else { return nil }
        return names
    }
}

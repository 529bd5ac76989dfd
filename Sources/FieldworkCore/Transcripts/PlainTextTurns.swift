/// Plain text from another tool (a REFI-QDA source) as corpus Markdown with speaker turns: a
/// paragraph that opens with `Name: ` becomes a turn with the bold label ingest expects, when
/// the same label opens at least two paragraphs (one "Note: …" is text, not a speaker). Labels
/// start with a letter and follow `TranscriptSpeakerPrefix`. Everything is escaped with
/// `MarkdownEscaping`, so the Markdown's plain text is the source text (the bold adds no text).
public enum PlainTextTurns {
    public static func markdown(forPlainText text: String) -> (markdown: String, speakers: [String]) {
        let paragraphs = MarkdownEscaping.paragraphs(of: text)
        let labels = paragraphs.map(label)
        var counts: [String: Int] = [:]
        for label in labels.compactMap({ $0 }) { counts[label, default: 0] += 1 }
        var speakers: [String] = []
        let body = zip(paragraphs, labels).map { paragraph, label -> String in
            guard let label, counts[label, default: 0] >= 2 else { return MarkdownEscaping.escapeParagraph(paragraph) }
            if !speakers.contains(label) { speakers.append(label) }
            let rest = paragraph.unicodeScalars.dropFirst(label.unicodeScalars.count + 2)
            let opening = "**" + MarkdownEscaping.escapeParagraph(label + ":") + "**"
            return rest.isEmpty ? opening : opening + " " + MarkdownEscaping.escapeParagraph(String(rest))
        }
        return (body.joined(separator: "\n\n"), speakers)
    }

    /// The label when the paragraph opens with exactly `Label: ` followed by text on that line.
    private static func label(_ paragraph: String) -> String? {
        let firstLine = paragraph.prefix { $0 != "\n" }
        guard let (speaker, _) = TranscriptSpeakerPrefix.split(firstLine),
              speaker.unicodeScalars.first?.properties.isAlphabetic == true,
              paragraph.unicodeScalars.starts(with: (speaker + ": ").unicodeScalars),
              paragraph.unicodeScalars.count > speaker.unicodeScalars.count + 2 else { return nil }
        return speaker
    }
}

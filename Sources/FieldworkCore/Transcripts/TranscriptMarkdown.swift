/// Writes a transcript as a corpus file: YAML front matter, then one paragraph per turn opening
/// with the bold label the segmenter expects (`**R07:**`) and, for timed turns, the start time
/// (`[00:12:34]`). The spoken text is escaped, so its plain text is what the source said.
public enum TranscriptMarkdown {
    /// - Parameter labels: the corpus label for each source speaker (pseudonyms for real names);
    ///   a speaker missing from it keeps its source name.
    public static func render(_ transcript: Transcript, metadata: DocumentMetadata, labels: [String: String]) -> String {
        var output = frontMatter(metadata)
        for turn in transcript.turns {
            var opening: [String] = []
            if let speaker = turn.speaker {
                opening.append("**" + MarkdownEscaping.markdown(forPlainText: (labels[speaker] ?? speaker) + ":") + "**")
            }
            // A cue's end is kept as a range, so the segment knows where the passage ends.
            if let start = turn.start { opening.append("[\(start.label)" + (turn.end.map { "–\($0.label)" } ?? "") + "]") }
            let text = MarkdownEscaping.markdown(forPlainText: turn.text)
            if !text.isEmpty { opening.append(text) }
            guard !opening.isEmpty else { continue }
            output += "\n" + opening.joined(separator: " ") + "\n"
        }
        return output
    }

    public static func frontMatter(_ metadata: DocumentMetadata) -> String {
        var lines = ["---", "id: \(YAMLQuoting.quoted(metadata.id))", "type: \(metadata.type.rawValue)",
                     "title: \(YAMLQuoting.quoted(metadata.title))"]
        if let date = metadata.date { lines.append("date: \(YAMLQuoting.quoted(date))") }
        if let language = metadata.language { lines.append("language: \(YAMLQuoting.quoted(language))") }
        lines.append("participants: [" + metadata.participants.map(YAMLQuoting.quoted).joined(separator: ", ") + "]")
        if let interviewer = metadata.interviewer { lines.append("interviewer: \(YAMLQuoting.quoted(interviewer))") }
        if !metadata.administrations.isEmpty {
            lines.append("administrations: [" + metadata.administrations.map(\.rawValue).joined(separator: ", ") + "]")
        }
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }
}

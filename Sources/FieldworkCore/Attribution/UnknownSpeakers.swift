/// Speaker labels that name no one the consent rule knows: not a participant of the register,
/// not the document's interviewer (`interviewer:`/`facilitator:`), not an interviewer word.
///
/// Such a turn counts as a non-participant's, like the interviewer's, and its words are shown
/// without any consent applying, so a typo in a label (`R6` for `R06`) would show a resident's
/// words that their consent withholds. Ingest and `fieldwork check` warn of each such label at
/// its first turn, with the register's nearest pseudonyms; the file is still taken in (an
/// observer or a guest speaker is a legitimate non-participant).
public enum UnknownSpeakers {
    public static func warnings(in change: DocumentChange, known: Set<String>) -> [SourceProblem] {
        let interviewer = change.metadata.interviewer?.lowercased()
        var seen: Set<String> = []
        var warnings: [SourceProblem] = []
        for segment in change.text.segments {
            guard let speaker = segment.speaker, !known.contains(speaker), seen.insert(speaker).inserted else { continue }
            let lowered = speaker.lowercased()
            if lowered == interviewer || SpeakerLabel.genericInterviewerLabels.contains(lowered) { continue }
            let near = nearest(to: speaker, in: known)
            warnings.append(SourceProblem(
                file: change.file.path, line: segment.lineStart,
                "speaker '\(speaker)' is not in corpus/participants.yaml, nor the interviewer of the front matter or an "
                    + "interviewer word: its turns count as a non-participant's and are shown with no consent applied"
                    + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?")))
        }
        return warnings
    }

    /// Pseudonyms within a typo of `label` (`R6` → `R06`, `R01` → `R10`), nearest first.
    static func nearest(to label: String, in known: Set<String>) -> [String] {
        UnknownName.nearest(to: label, in: known, within: max(1, label.unicodeScalars.count / 3))
    }
}

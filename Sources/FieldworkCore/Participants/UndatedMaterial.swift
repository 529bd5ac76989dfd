/// A transcript or workshop note without `date:`: the consent rule cannot tell which scopes were
/// given when it was made, and judges it as made on the day of each participant's first consent
/// (`ConsentRule`), so a scope given later (quoting, a recording) does not reach it. Ingest and
/// `fieldwork check` say so at the front matter's id, so that the date can be added.
public enum UndatedMaterial {
    public static func warning(in change: DocumentChange, idLine: Int) -> SourceProblem? {
        guard change.metadata.date == nil, change.metadata.type != .note, !change.metadata.participants.isEmpty else { return nil }
        return SourceProblem(file: change.file.path, line: idLine,
                             "no date: consent is judged as of each participant's first consent, so a scope given later "
                                 + "(quote, recording) does not reach it; add `date: YYYY-MM-DD`")
    }
}

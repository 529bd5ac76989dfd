/// Names the workbench itself codes and records under: the team's adjudicated decisions
/// (`Consensus.coder`, counted as the team's consensus wherever it appears) and changes no
/// person made (`CodingEvent.ingest`). An account or a coding write under either name (or one
/// taken for it, `NameClash`) would pass a person's codings off as the team's decisions or as
/// no one's, so both are refused; only adjudication writes as the consensus coder.
public enum ReservedCoder {
    public static let names = [Consensus.coder, CodingEvent.ingest]

    /// The reserved name `name` would be taken for, if any (every coding write asks: `NameAnswers`).
    public static func matching(_ name: String) -> String? {
        answers(name)
    }

    private static let answers = NameAnswers<String?> { name in names.first { NameClash.clash(name, $0) } }

    /// Why `reserved` is not a person's name, in one line.
    public static func reason(_ reserved: String) -> String {
        reserved == Consensus.coder
            ? "'\(reserved)' is the coder the team's adjudicated decisions are stored under (taken into the consensus on the disagreements page or with `fieldwork adjudicate`)"
            : "'\(reserved)' is the name the changes ingest makes by itself are recorded under"
    }
}

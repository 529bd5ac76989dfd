import FieldworkServices

struct IngestSummaryDTO: Encodable {
    let added, updated, unchanged, failed, segments: Int
    let codingsReanchored, orphaned, recovered, codingsRemapped: Int
    @AlwaysEncoded var codes: Int?
    @AlwaysEncoded var participants: Int?
    let missing: [String]
    let problems: [String]

    enum CodingKeys: String, CodingKey {
        case added, updated, unchanged, failed, segments, orphaned, recovered, codes, participants, missing, problems
        case codingsReanchored = "codings_reanchored", codingsRemapped = "codings_remapped"
    }

    init(_ summary: IngestSummary) {
        added = summary.added
        updated = summary.updated
        unchanged = summary.unchanged
        failed = summary.failed
        segments = summary.segments
        codingsReanchored = summary.codingsReanchored
        orphaned = summary.orphaned
        recovered = summary.recovered
        codingsRemapped = summary.codingsRemapped
        codes = summary.codes
        participants = summary.participants
        missing = summary.missing
        problems = summary.problems.map(\.description)
    }

    /// The human summary, one line each (problems go to standard error separately).
    var summaryLines: [String] {
        var lines = ["added \(added), updated \(updated), unchanged \(unchanged), failed \(failed); "
            + "segments \(segments); codings re-anchored \(codingsReanchored), orphaned \(orphaned)"
            + (recovered > 0 ? ", recovered \(recovered)" : "")
            + (codingsRemapped > 0 ? ", moved to renamed codes \(codingsRemapped)" : "")]
        if let codes { lines.append("codebook: \(codes) codes") }
        if let participants { lines.append("participants: \(participants)") }
        lines += missing.map { "missing: \($0) (its document and codings are kept)" }
        return lines
    }

    func printText() {
        for problem in problems { printError("error: \(problem)") }
        summaryLines.forEach { print($0) }
    }
}

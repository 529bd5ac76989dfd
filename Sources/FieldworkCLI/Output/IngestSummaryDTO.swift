import FieldworkCore
import FieldworkServices

struct IngestSummaryDTO: Encodable {
    let added, updated, unchanged, failed, segments: Int
    let codingsReanchored, orphaned, recovered, codingsRemapped: Int
    /// Codings a codebook merge made duplicates of others: removed id → the id kept.
    let duplicatesRemoved: [String: String]
    let memosMoved: Int
    @AlwaysEncoded var codes: Int?
    @AlwaysEncoded var participants: Int?
    let missing: [String]
    let problems: [String]
    let warnings: [String]
    let ledger: Ledger
    let telemetry: [Telemetry]
    let telemetryUnchanged: Int
    let telemetryFailed: Int
    /// Per telemetry file taken in, the lines `telemetry import` prints for it.
    private let telemetryReports: [[String]]

    /// The codings files: records written out, taken in, orphaned on arrival, waiting for a document.
    struct Ledger: Encodable {
        /// All records, need–solution links included; `links_*` says how many of them were links.
        let written, taken, orphaned, waiting: Int
        let linksWritten, linksTaken: Int

        enum CodingKeys: String, CodingKey {
            case written, taken, orphaned, waiting, linksWritten = "links_written", linksTaken = "links_taken"
        }
    }

    /// A telemetry file taken in: its readings stored, already stored, refused for consent.
    struct Telemetry: Encodable {
        let file, format: String
        let records, stored, alreadyStored, refused: Int

        enum CodingKeys: String, CodingKey {
            case file, format, records, stored, refused
            case alreadyStored = "already_stored"
        }
    }

    enum CodingKeys: String, CodingKey {
        case added, updated, unchanged, failed, segments, orphaned, recovered, codes, participants, missing, problems, warnings, ledger
        case telemetry
        case codingsReanchored = "codings_reanchored", codingsRemapped = "codings_remapped"
        case duplicatesRemoved = "duplicates_removed", memosMoved = "memos_moved"
        case telemetryUnchanged = "telemetry_unchanged", telemetryFailed = "telemetry_failed"
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
        duplicatesRemoved = summary.duplicatesRemoved
        memosMoved = summary.memosMoved
        codes = summary.codes
        participants = summary.participants
        missing = summary.missing
        problems = summary.problems.map(\.description)
        warnings = summary.warnings.map(\.description)
        ledger = Ledger(written: summary.ledger.written, taken: summary.ledger.taken,
                        orphaned: summary.ledger.orphaned, waiting: summary.ledger.waiting,
                        linksWritten: summary.ledger.linksWritten, linksTaken: summary.ledger.linksTaken)
        telemetry = summary.telemetry.map {
            Telemetry(file: $0.file, format: $0.format.rawValue, records: $0.records, stored: $0.stored,
                      alreadyStored: $0.alreadyStored, refused: $0.refused)
        }
        telemetryUnchanged = summary.telemetryUnchanged
        telemetryFailed = summary.telemetryFailed
        telemetryReports = summary.telemetry.map(\.lines)
    }

    /// The human summary, one line each (problems go to standard error separately).
    var summaryLines: [String] {
        // The segments are those of the documents read now: "segments 0" after an unchanged
        // corpus read as if it had none.
        let read = added + updated == 0 ? "no segments stored (nothing added or updated)"
            : "\(EnglishCount.of(segments, "segment")) stored (from the documents added or updated)"
        var lines = ["added \(added), updated \(updated), unchanged \(unchanged), failed \(failed); "
            + "\(read); codings re-anchored \(codingsReanchored), orphaned \(orphaned)"
            + (recovered > 0 ? ", recovered \(recovered)" : "")
            + (codingsRemapped > 0 ? ", moved to renamed codes \(codingsRemapped)" : "")]
        if let codes { lines.append("codebook: \(codes) codes") }
        if memosMoved > 0 { lines.append("memos moved to renamed codes: \(memosMoved)") }
        lines += duplicatesRemoved.sorted { $0.key < $1.key }.map {
            "merge: coding \($0.key) removed, a duplicate of \($0.value) (the same span, code and coder; its history says so)"
        }
        if let participants { lines.append("participants: \(participants)") }
        lines += missing.map { "missing: \($0) (its document and codings are kept)" }
        // Only files taken in: an unchanged one is as quiet as an unchanged transcript.
        lines += telemetryReports.flatMap { ["telemetry: " + $0[0]] + $0.dropFirst() }
        // The first line's `failed` counts transcripts: a telemetry file that failed is said here.
        if telemetryFailed > 0 { lines.append("telemetry: \(telemetryFailed) file\(telemetryFailed == 1 ? "" : "s") failed, nothing of \(telemetryFailed == 1 ? "it" : "them") taken in") }
        if ledger.written + ledger.taken + ledger.waiting > 0 {
            // Need–solution links travel in the same files; said apart, so "210 taken in" still
            // counts what the files hold of codings and memos.
            let links = ledger.linksTaken + ledger.linksWritten > 0
                ? "; need links \(ledger.linksTaken) taken in, \(ledger.linksWritten) written out" : ""
            lines.append("codings files: \(ledger.taken - ledger.linksTaken) taken in" + (ledger.orphaned > 0 ? " (\(ledger.orphaned) orphaned)" : "")
                + ", \(ledger.written - ledger.linksWritten) written out" + links
                + (ledger.waiting > 0 ? ", \(ledger.waiting) waiting for documents not in this corpus" : ""))
        }
        return lines
    }

    func printText() {
        for problem in problems { printError("Error: \(problem)") }
        for warning in warnings { printError("warning: \(warning)") }
        summaryLines.forEach { print($0) }
    }
}

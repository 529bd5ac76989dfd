import FieldworkCore
import Foundation

/// What an ingest writes to the audit log: the documents it changed or found missing, and
/// consent changes in participants.yaml — ids, dates and scopes, never text.
struct IngestAudit {
    let workspace: Workspace
    let store: any FieldworkStore

    private var log: AuditLog { AuditLog(workspace: workspace, store: store) }

    func record(_ summary: IngestSummary) async throws {
        guard summary.added + summary.updated > 0 || !summary.missing.isEmpty || summary.codes != nil else { return }
        var details = [
            "added": String(summary.added), "updated": String(summary.updated),
            "documents": summary.changedDocuments.joined(separator: ","),
            "missing": summary.missing.joined(separator: ","),
            "orphaned": String(summary.orphaned),
        ]
        // A codebook file changed (by hand, a pull, the browser's editor or an import): its size
        // and the codings moved through `formerly`; numbers under keys of their own, so the audit
        // page says them in its language (entries before session 25 hold one English `codebook` line).
        if let codes = summary.codes {
            details["codes"] = String(codes)
            details["codings_remapped"] = String(summary.codingsRemapped)
        }
        try await log.append(.ingest, by: Acting.current.auditName, details: details)
    }

    /// One entry per participant whose consents changed (`ConsentChanges`): given, amended,
    /// withdrawn, removed; a participant added to a register taken in before with the consents
    /// given (the first register taken in is the starting point, not a change of each consent).
    func recordConsentChanges(from before: [Participant], to after: [Participant]) async throws {
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for participant in after {
            let previous = old[participant.id]
            guard previous.map({ $0.consents != participant.consents }) ?? !before.isEmpty else { continue }
            let changes = ConsentChanges.lines(from: previous?.consents, to: participant.consents)
            guard !changes.isEmpty else { continue }
            try await log.append(.consent, by: Acting.current.auditName, details: [
                "participant": participant.id, "changes": changes.joined(separator: "; "), "file": "corpus/participants.yaml",
            ])
        }
    }

    /// A corpus file that names an erased participant in its front matter or as a speaker.
    static func erasedProblem(in change: DocumentChange, idLine: Int, erased: Set<String>) -> SourceProblem? {
        guard !erased.isEmpty else { return nil }
        if let id = change.metadata.participants.first(where: erased.contains) {
            return ErasedList.problem(file: change.file.path, line: idLine, id)
        }
        if let segment = change.text.segments.first(where: { $0.speaker.map(erased.contains) ?? false }) {
            return ErasedList.problem(file: change.file.path, line: segment.lineStart, segment.speaker!)
        }
        return nil
    }

    /// The first line holding `needle` (1-based), for a message; 1 if none does.
    static func line(of needle: String, in text: String) -> Int {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(needle) {
            return index + 1
        }
        return 1
    }
}

import FieldworkCore
import Foundation

/// Audit entries for what both faces do, by the person acting (`Acting`).
extension FieldworkContext {
    /// The workspace's log, or a read-only server's own (`readingOnly()`), which writes no database.
    public var audit: AuditLog { keepsStandbyAudit ? AuditLog.standby(workspace) : AuditLog(workspace: workspace, store: store) }

    /// On a hot standby (a CLI export run against the replica) the entry goes to the standby's
    /// own log, since the database cannot take the audit head: the export is not left half-recorded.
    public func record(_ action: AuditAction, _ details: [String: String]) async throws {
        let log = try await store.isReadOnlyReplica() ? AuditLog.standby(workspace) : audit
        try await log.append(action, by: Acting.current.auditName, details: details)
    }

    /// An export: its kind, where it went (`stdout` when printed), its counts and the consent
    /// rule it applied — `consent` (a count of one unit) or `applied` (what the export states
    /// about itself) — for every export made from participants' material; neither for exports
    /// that hold none (a codebook) or everything (a backup). `metadata` is taken into the entry
    /// as it is.
    public func recordExport(_ kind: String, to url: URL?, counts: [String: Int] = [:], consent: WithheldCount? = nil,
                             applied: ExportMetadata? = nil, metadata: [String: String] = [:]) async throws {
        var details = AuditDetails.counts(counts)
        details["kind"] = kind
        details["file"] = url.map { workspace.relativePath(of: $0) } ?? "stdout"
        if consent != nil || applied != nil {
            let rule = ConsentRule.today([])
            details["consent"] = "consent rule of \(applied?.consentDate ?? rule.today)"
                + (rule.access.map { " with access of \($0.coder ?? "no coder")" } ?? "")
            details["withheld"] = consent.map { $0.total == 0 ? "none" : $0.summary } ?? applied?.withheldSummary
        }
        details.merge(metadata) { _, new in new }
        try await record(.export, details)
    }

    /// An import: its kind, the file it read (its name only, not where it lay), its counts.
    public func recordImport(_ kind: String, from url: URL, counts: [String: Int] = [:]) async throws {
        try await record(.import, AuditDetails.importing(kind, from: url, counts: counts))
    }
}

enum AuditDetails {
    static func counts(_ counts: [String: Int]) -> [String: String] {
        counts.mapValues(String.init)
    }

    /// An import's entry (also written by ingest for each telemetry file it takes in).
    static func importing(_ kind: String, from url: URL, counts: [String: Int]) -> [String: String] {
        var details = counts.mapValues(String.init)
        details["kind"] = kind
        details["file"] = url.lastPathComponent
        return details
    }
}

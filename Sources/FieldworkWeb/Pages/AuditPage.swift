import FieldworkCore
import FieldworkServices
import Foundation

/// The audit log as a table: when, who, what, and the details (ids, files, counts, consent
/// rules — never content). The chain's state is stated on top; a broken chain names its lines.
struct AuditPage {
    /// Newest first (the route orders them).
    let entries: [AuditEntry]
    let verification: AuditChain.Verification
    let t: Localizer
    /// The study's time zone (`fieldwork.yaml`), in which the times are shown.
    let timeZone: TimeZone

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("audit.title"))</h1>"
        if verification.intact {
            html += "<p class=\"audit-state\" id=\"audit-state\">\(t.count("audit.intact", verification.entries, ["file": AuditLog.relativePath]))</p>"
        } else {
            html += "<div class=\"audit-state broken\" id=\"audit-state\" role=\"alert\"><p>\(t.html("audit.broken"))</p><ul>"
            html += verification.problems.map { problem -> SafeHTML in "<li>\(problem)</li>" }.joined()
            html += "</ul></div>"
        }
        guard !entries.isEmpty else { return html + "<p class=\"empty\">\(t.html("audit.empty"))</p>" }
        // The zone the times are shown in (the heading said UTC after they were shown in the study's).
        html += "<table class=\"audit\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">\(t.html("audit.when", ["zone": timeZone.identifier]))</th>"
            + ["audit.who", "audit.what", "audit.details"].map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined() + "</tr></thead><tbody>"
        let times = StudyTimes(timeZone)
        for entry in entries {
            let details = entry.shownDetails.map { detail -> SafeHTML in "<div><span class=\"key\" data-key=\"\(detail.key)\">\(t.auditDetail(detail.key))</span> \(t.auditValue(detail.value, of: detail.key, action: entry.action))</div>" }.joined()
            html += "<tr data-action=\"\(entry.action.rawValue)\"><td>\(entry.seq)</td><td class=\"nowrap\">\(times.html(entry.at))</td><td>\(entry.by)</td>"
                + "<td>\(t.html("audit.action.\(entry.action.rawValue)"))</td><td>\(details)</td></tr>"
        }
        return html + "</tbody></table>"
    }
}

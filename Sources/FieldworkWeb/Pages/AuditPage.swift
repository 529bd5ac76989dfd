import FieldworkCore
import FieldworkServices

/// The audit log as a table: when, who, what, and the details (ids, files, counts, consent
/// rules — never content). The chain's state is stated on top; a broken chain names its lines.
struct AuditPage {
    let entries: [AuditEntry]
    let verification: AuditChain.Verification

    func body() -> String {
        var html = "<h1>Audit</h1>"
        if verification.intact {
            html += "<p class=\"audit-state\" id=\"audit-state\">\(verification.entries) entries in \(HTML.escape(AuditLog.relativePath)); the hash chain is intact.</p>"
        } else {
            html += "<div class=\"audit-state broken\" id=\"audit-state\" role=\"alert\"><p>The audit log was changed: its hash chain is broken.</p><ul>"
            html += verification.problems.map { "<li>\(HTML.escape($0))</li>" }.joined()
            html += "</ul></div>"
        }
        guard !entries.isEmpty else { return html + "<p>Nothing recorded yet.</p>" }
        html += "<table class=\"audit\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Details</th></tr></thead><tbody>"
        for entry in entries.reversed() {
            let details = entry.details.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }
                .map { "<div><span class=\"key\">\(HTML.escape($0.key))</span> \(HTML.escape($0.value))</div>" }.joined()
            html += "<tr data-action=\"\(entry.action.rawValue)\"><td>\(entry.seq)</td><td>\(HTML.escape(entry.at))</td><td>\(HTML.escape(entry.by))</td>"
                + "<td>\(entry.action.rawValue)</td><td>\(details)</td></tr>"
        }
        return html + "</tbody></table>"
    }
}

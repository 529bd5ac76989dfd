import FieldworkCore
import FieldworkServices

/// `/register`: the policy-lab register — each proposal's status, owner, dates, what it answers
/// (linked to the needs register) and its history across sessions; problems in the notes first.
struct RegisterPage {
    let register: PolicyLabRegisterService.Result
    let codebook: Codebook
    let catalogue: SolutionCatalogue
    let t: Localizer
    /// What the person may open: documents and need pages only for those who may read them.
    var access = PageAccess.everything

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("register.title"))</h1><p class=\"hint\">"
            + t.html("register.hint", raw: ["command": "<code>fieldwork export register</code>"]) + "</p>"
        if !register.problems.isEmpty {
            html += "<section class=\"problems\" aria-labelledby=\"register-problems\"><h2 id=\"register-problems\">\(t.html("register.problems"))</h2><ul>"
            html += register.problems.map { problem -> SafeHTML in "<li><code>\(problem.location.description)</code> \(t.html(problem.catalogueKey, problem.values))</li>" }.joined()
            html += "</ul></section>"
        }
        guard !register.proposals.isEmpty else { return html + "<p class=\"empty\">\(t.html("register.empty"))</p>" }
        // Seven columns do not fit every window: the table scrolls in its own box (keyboard
        // reachable, named by its caption), never the page.
        html += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"register-caption\">"
        html += "<table class=\"register\"><caption id=\"register-caption\">\(t.count("register.caption", register.proposals.count))</caption><thead><tr>"
            + ["register.proposal", "register.status", "register.date", "register.owner", "register.answers", "solutions.title", "register.history"]
            .map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined() + "</tr></thead><tbody>"
        for proposal in register.proposals {
            html += "<tr id=\"proposal-\(proposal.id)\" data-status=\"\(proposal.status.rawValue)\">"
            html += "<th scope=\"row\"><span class=\"id\">\(proposal.id)</span> \(proposal.title)"
            if !proposal.text.isEmpty { html += "<p class=\"memo-text\">\(proposal.text.joined(separator: " "))</p>" }
            if let decision = proposal.decision { html += "<p><strong>\(t.html("register.decision"))</strong> \(decision)</p>" }
            html += "</th><td><span class=\"status\">\(status(proposal.status))</span></td>"
            html += "<td>\(date(proposal.date))"
            if let due = proposal.due { html += "<br>\(t.html("register.due", raw: ["date": date(due)]))" }
            html += "</td><td>\(proposal.owner ?? "—")</td><td>\(answers(proposal))</td>"
            html += "<td>\(proposal.solutions.map { catalogue[$0]?.name ?? $0 }.joined(separator: ", "))</td>"
            html += "<td><ol class=\"history\">" + proposal.history.map { event -> SafeHTML in
                "<li>\(date(event.date)) · \(status(event.status)) · \(access.link("/documents/\(event.documentID)", "\(event.documentID)"))</li>"
            }.joined() + "</ol></td></tr>"
        }
        return html + "</tbody></table></div>"
    }

    /// An ISO date kept on one line (a narrow column broke "2026-02-12" after its first hyphen).
    private func date(_ text: String?) -> SafeHTML {
        guard let text else { return "—" }
        return "<span class=\"date\">\(text)</span>"
    }

    private func answers(_ proposal: Proposal) -> SafeHTML {
        guard !proposal.answers.isEmpty else { return "—" }
        return "<ul class=\"answers\">" + proposal.answers.map { trace -> SafeHTML in
            let name = SafeHTML(text: codebook[trace.codeID]?.name ?? trace.name)
            let link: SafeHTML = trace.kind == .need ? access.link("/needs/\(trace.codeID)", name) : name
            let kind = t("register.kind.\(trace.kind.rawValue)")
            return "<li>\(kind): \(link) <span class=\"id\">(\(t.count("register.residents", trace.residents.count)))</span></li>"
        }.joined() + "</ul>"
    }

    private func status(_ status: ProposalStatus) -> String {
        switch status {
        case .proposed: t("register.status.proposed")
        case .decided: t("register.status.decided")
        case .inProgress: t("register.status.inProgress")
        case .done: t("register.status.done")
        case .rejected: t("register.status.rejected")
        }
    }
}

import FieldworkCore
import FieldworkServices

/// `/register`: the policy-lab register — each proposal's status, owner, dates, what it answers
/// (linked to the needs register) and its history across sessions; problems in the notes first.
struct RegisterPage {
    let register: PolicyLabRegisterService.Result
    let codebook: Codebook
    let catalogue: SolutionCatalogue
    let t: Localizer

    func body() -> String {
        var html = "<h1>\(t.html("register.title"))</h1><p class=\"hint\">"
            + t.html("register.hint", raw: ["command": "<code>fieldwork export register</code>"]) + "</p>"
        if !register.problems.isEmpty {
            html += "<section class=\"problems\" aria-labelledby=\"register-problems\"><h2 id=\"register-problems\">\(t.html("register.problems"))</h2><ul>"
            html += register.problems.map { "<li><code>\(HTML.escape($0.location.description))</code> \(t.html($0.catalogueKey, $0.values))</li>" }.joined()
            html += "</ul></section>"
        }
        guard !register.proposals.isEmpty else { return html + "<p class=\"empty\">\(t.html("register.empty"))</p>" }
        html += "<table class=\"register\"><caption>\(HTML.escape(t.count("register.caption", register.proposals.count)))</caption><thead><tr>"
            + ["register.proposal", "register.status", "register.date", "register.owner", "register.answers", "solutions.title", "register.history"]
            .map { "<th scope=\"col\">\(t.html($0))</th>" }.joined() + "</tr></thead><tbody>"
        for proposal in register.proposals {
            html += "<tr id=\"proposal-\(HTML.escape(proposal.id))\" data-status=\"\(HTML.escape(proposal.status.rawValue))\">"
            html += "<th scope=\"row\"><span class=\"id\">\(HTML.escape(proposal.id))</span> \(HTML.escape(proposal.title))"
            if !proposal.text.isEmpty { html += "<p class=\"memo-text\">\(HTML.escape(proposal.text.joined(separator: " ")))</p>" }
            if let decision = proposal.decision { html += "<p><strong>\(t.html("register.decision"))</strong> \(HTML.escape(decision))</p>" }
            html += "</th><td><span class=\"status\">\(HTML.escape(status(proposal.status)))</span></td>"
            html += "<td>\(HTML.escape(proposal.date ?? "—"))"
            if let due = proposal.due { html += "<br>\(t.html("register.due", ["date": due]))" }
            html += "</td><td>\(HTML.escape(proposal.owner ?? "—"))</td><td>\(answers(proposal))</td>"
            html += "<td>\(HTML.escape(proposal.solutions.map { catalogue[$0]?.name ?? $0 }.joined(separator: ", ")))</td>"
            html += "<td><ol class=\"history\">" + proposal.history.map { event in
                "<li>\(HTML.escape(event.date ?? "—")) · \(HTML.escape(status(event.status))) · <a href=\"/documents/\(HTML.escape(event.documentID))\">\(HTML.escape(event.documentID))</a></li>"
            }.joined() + "</ol></td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func answers(_ proposal: Proposal) -> String {
        guard !proposal.answers.isEmpty else { return "—" }
        return "<ul class=\"answers\">" + proposal.answers.map { trace in
            let name = HTML.escape(codebook[trace.codeID]?.name ?? trace.name)
            let link = trace.kind == .need ? "<a href=\"/needs/\(HTML.escape(trace.codeID))\">\(name)</a>" : name
            let kind = t("register.kind.\(trace.kind.rawValue)")
            return "<li>\(HTML.escape(kind)): \(link) <span class=\"id\">(\(HTML.escape(t.count("register.residents", trace.residents.count))))</span></li>"
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

import FieldworkCore
import FieldworkServices

/// `/disagreements`: each disputed passage with every coder's codes side by side, a link to it in
/// its document, what became of each disputed code (accept into the consensus coder or dismiss:
/// adjudicate.js sends those), and the passage's discussion memo.
struct DisagreementsPage {
    let report: AdjudicationService.Report
    let codebook: Codebook

    func body() -> String {
        var html = "<h1>Disagreements</h1><p class=\"hint\">Passages on which the coders differ (the units of "
            + "<a href=\"/agreement\">agreement</a>). Accepting a code codes the passage for the consensus coder, "
            + "<strong>\(HTML.escape(Consensus.coder))</strong>, with your name on the decision; dismissing it records that it was considered. "
            + "The consensus is a coder like any other: it shows in agreement, retrieval and exports.</p>"
        html += "<p>Coders compared: \(HTML.escape(report.coders.joined(separator: ", "))). "
        let open = report.passages.reduce(0) { $0 + $1.decisions.filter { $0.state == .open }.count }
        html += "\(report.passages.count) disputed passage\(report.passages.count == 1 ? "" : "s"), \(open) open decision\(open == 1 ? "" : "s").</p>"
        if report.withheld.total > 0 {
            html += "<p class=\"withheld\">withheld: consent — \(HTML.escape(report.withheld.summary)) segments are not compared</p>"
        }
        guard !report.passages.isEmpty else { return html + "<p>No disagreements.</p>" }
        html += "<div class=\"adjudication\">"
        for (number, passage) in report.passages.enumerated() {
            html += section(passage, number: number + 1)
        }
        return html + "</div>"
    }

    private func name(_ code: String) -> String { codebook[code]?.name ?? code }

    private func section(_ passage: AdjudicationService.Passage, number: Int) -> String {
        let heading = "passage-\(number)"
        var html = "<section class=\"passage\" aria-labelledby=\"\(heading)\" data-document=\"\(HTML.escape(passage.documentID))\" "
            + "data-start=\"\(passage.start)\" data-end=\"\(passage.end)\">"
        html += "<h2 id=\"\(heading)\"><a href=\"/documents/\(HTML.escape(passage.documentID))#s\(passage.start)\">"
            + "\(HTML.escape(passage.documentID)), segment \(passage.segment)</a></h2>"
        html += "<blockquote>\(HTML.escape(passage.text))</blockquote>"
        html += "<table class=\"side-by-side\"><caption>Codes of each coder</caption><thead><tr>"
        html += passage.codesByCoder.map { "<th scope=\"col\">\(HTML.escape($0.coder))</th>" }.joined()
        html += "</tr></thead><tbody><tr>"
        for column in passage.codesByCoder {
            let codes = column.codes.map { "<li><span class=\"code-dot\" data-code=\"\(HTML.escape($0))\"></span>\(HTML.escape(name($0)))</li>" }
            html += "<td>" + (codes.isEmpty ? "<span class=\"hint\">none</span>" : "<ul>\(codes.joined())</ul>") + "</td>"
        }
        html += "</tr></tbody></table><ul class=\"decisions\">"
        for decision in passage.decisions {
            html += "<li data-code=\"\(HTML.escape(decision.code))\"><strong>\(HTML.escape(name(decision.code)))</strong>: applied by "
                + HTML.escape(decision.appliedBy.joined(separator: ", ")) + "; not by " + HTML.escape(decision.notAppliedBy.joined(separator: ", "))
                + ". " + state(decision.state) + "</li>"
        }
        html += "</ul>" + discussion(passage.discussion, heading: heading)
        return html + "</section>"
    }

    private func state(_ state: AdjudicationService.Decision.State) -> String {
        switch state {
        case .open:
            return "<span class=\"state\">Open.</span> <button type=\"button\" data-action=\"accept\">Accept into consensus</button> "
                + "<button type=\"button\" class=\"secondary\" data-action=\"dismiss\">Dismiss</button>"
        case .accepted(_, let by):
            return "<span class=\"state is-accepted\">Accepted into consensus\(by.map { " by \(HTML.escape($0))" } ?? "").</span>"
        case .dismissed(_, let by):
            return "<span class=\"state is-dismissed\">Dismissed by \(HTML.escape(by)).</span>"
        }
    }

    private func discussion(_ memo: Memo?, heading: String) -> String {
        let body = memo.flatMap { AdjudicationNote(memoText: $0.text)?.body } ?? ""
        let version = memo.map { " data-version=\"\($0.version)\"" } ?? ""
        return "<div class=\"discussion\"><label for=\"\(heading)-discussion\">Discussion</label>"
            + "<textarea id=\"\(heading)-discussion\" rows=\"2\"\(version)>\(HTML.escape(body))</textarea>"
            + "<button type=\"button\" data-action=\"discuss\">Save discussion</button>"
            + (memo.map { "<span class=\"hint\"> by \(HTML.escape($0.author))</span>" } ?? "")
            + "<span class=\"status\" role=\"status\" aria-live=\"polite\"></span></div>"
    }
}

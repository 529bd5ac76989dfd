import FieldworkCore
import FieldworkServices

/// `/disagreements`: each disputed passage with every coder's codes side by side, a link to it in
/// its document, what became of each disputed code (accept into the consensus coder or dismiss:
/// adjudicate.js sends those), and the passage's discussion memo.
struct DisagreementsPage {
    let report: AdjudicationService.Report
    let codebook: Codebook
    let coders: AgreementCodersForm
    let t: Localizer
    /// Whether the person may adjudicate: else the discussion is shown to read, not to edit.
    var adjudicates = true

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("disagreements.title"))</h1><p class=\"hint\">" + t.html("disagreements.hint", raw: [
            "agreement": "<a href=\"/agreement\">\(t.html("agreement.title"))</a>", "consensus": "<strong>\(Consensus.coder)</strong>"]) + "</p>"
            + coders.body()
        // Fewer than two coders is no comparison: it said "Coders compared: ." over an empty list.
        guard report.coders.count > 1 else { return html + "<p class=\"empty\">\(t.html("disagreements.noCoders"))</p>" }
        let open = report.openDecisions
        let compared = t.html("disagreements.compared", ["coders": report.coders.joined(separator: ", ")])
        html += "<p>\(compared) \(t.count("disagreements.passages", report.passages.count)), \(t.count("disagreements.open", open)).</p>"
        if report.withheld.total > 0 {
            html += "<p class=\"withheld\">\(t.html("disagreements.withheld", ["heading": t.withheldHeading(report.withheld.reasons), "summary": t.withheldCount(report.withheld.total, unit: "segments", byReason: report.withheld.byReason)]))</p>"
        }
        guard !report.passages.isEmpty else {
            // "No disagreements" where nothing was compared read as agreement.
            let none = report.documents.isEmpty ? t.noneCompared(report.coders) : t.html("disagreements.empty")
            return html + "<p class=\"empty\">\(none)</p>"
        }
        html += "<div class=\"adjudication\">"
        for (number, passage) in report.passages.enumerated() {
            html += section(passage, number: number + 1)
        }
        return html + "</div>"
    }

    private func name(_ code: String) -> String { codebook[code]?.name ?? code }

    private func section(_ passage: AdjudicationService.Passage, number: Int) -> SafeHTML {
        let heading = "passage-\(number)"
        var html: SafeHTML = "<section class=\"passage\" aria-labelledby=\"\(heading)\" data-document=\"\(passage.documentID)\" "
            + "data-start=\"\(passage.start)\" data-end=\"\(passage.end)\">"
        html += "<h2 id=\"\(heading)\"><a href=\"/documents/\(passage.documentID)#s\(passage.start)\">"
            + t.html("disagreements.passage", ["document": passage.documentID, "segment": String(passage.segment)]) + "</a></h2>"
        html += "<blockquote>\(passage.text)</blockquote>"
        html += "<table class=\"side-by-side\"><caption>\(t.html("disagreements.codesOfEach"))</caption><thead><tr>"
        html += passage.codesByCoder.map { column -> SafeHTML in "<th scope=\"col\">\(column.coder)</th>" }.joined()
        html += "</tr></thead><tbody><tr>"
        for column in passage.codesByCoder {
            let codes = column.codes.map { code -> SafeHTML in "<li><span class=\"code-dot\" data-code=\"\(code)\"></span>\(name(code))</li>" }
            html += "<td>" + (codes.isEmpty ? "<span class=\"hint\">\(t.html("disagreements.none"))</span>" as SafeHTML : "<ul>\(codes)</ul>") + "</td>"
        }
        html += "</tr></tbody></table><ul class=\"decisions\">"
        for (index, decision) in passage.decisions.enumerated() {
            let code = "\(heading)-code-\(index)"
            html += "<li data-code=\"\(decision.code)\"><strong id=\"\(code)\">\(name(decision.code))</strong>: "
                + t.html("disagreements.decision", ["applied": decision.appliedBy.joined(separator: ", "), "notApplied": decision.notAppliedBy.joined(separator: ", ")])
                + " " + state(decision.state, code: code) + orphaned(decision.orphanedBy, documentID: passage.documentID) + "</li>"
        }
        html += "</ul>" + discussion(passage.discussion, heading: heading)
        return html + "</section>"
    }

    /// Coders who may not disagree: their coding of the code in the document is an orphan.
    private func orphaned(_ coders: [String], documentID: String) -> SafeHTML {
        guard !coders.isEmpty else { return SafeHTML() }
        let link: SafeHTML = "<a href=\"/documents/\(documentID)\">\(t.html("disagreements.reattachFirst"))</a>"
        return "<p class=\"orphan-note\">" + t.html("disagreements.orphaned", ["coders": coders.joined(separator: ", ")], raw: ["link": link]) + "</p>"
    }

    /// `code`: the id of the code's name, which describes the buttons: the page holds a pair for
    /// every open decision, and by their names alone a screen reader's list of buttons was 28 ×
    /// "Accept into consensus" (found by a new user).
    private func state(_ state: AdjudicationService.Decision.State, code: String) -> SafeHTML {
        switch state {
        case .open:
            return "<span class=\"state\">\(t.html("disagreements.openState"))</span> <button type=\"button\" data-action=\"accept\" aria-describedby=\"\(code)\">\(t.html("disagreements.accept"))</button> "
                + "<button type=\"button\" class=\"secondary\" data-action=\"dismiss\" aria-describedby=\"\(code)\">\(t.html("disagreements.dismiss"))</button>"
        case .accepted(_, let by):
            return "<span class=\"state is-accepted\">" + (by.map { t.html("disagreements.acceptedBy", ["name": $0]) } ?? t.html("disagreements.accepted")) + "</span>"
        case .dismissed(_, let by):
            return "<span class=\"state is-dismissed\">\(t.html("disagreements.dismissedBy", ["name": by]))</span>"
        }
    }

    private func discussion(_ memo: Memo?, heading: String) -> SafeHTML {
        let body = memo.flatMap { AdjudicationNote(memoText: $0.text)?.body } ?? ""
        let version = memo.map { memo -> SafeHTML in " data-version=\"\(memo.version)\"" } ?? SafeHTML()
        return "<div class=\"discussion\"><label for=\"\(heading)-discussion\">\(t.html("disagreements.discussion"))</label>"
            + "<textarea id=\"\(heading)-discussion\" rows=\"2\"\(version)\(if: !adjudicates, " readonly")>\(body)</textarea>"
            + "<button type=\"button\" data-action=\"discuss\">\(t.html("disagreements.saveDiscussion"))</button>"
            + (memo.map { memo -> SafeHTML in "<span class=\"hint\"> \(t.html("disagreements.by", ["name": memo.author]))</span>" } ?? SafeHTML())
            + "<span class=\"status\" role=\"status\" aria-live=\"polite\"></span></div>"
    }
}

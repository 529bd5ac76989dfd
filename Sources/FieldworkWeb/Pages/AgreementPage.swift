import Foundation
import FieldworkServices

/// `/agreement`: who was compared on which units, the statistics per code and pooled, each pair
/// of coders, and the disputed segments with links into their documents.
struct AgreementPage {
    let result: AgreementOutput

    func body() -> String {
        var html = "<h1>Agreement</h1><p class=\"hint\">Units: the segments of the documents every compared coder has coded. "
            + "A coder applied a code to a segment when one of their codings of it overlaps the segment. "
            + "<a href=\"/cooccurrence\">Co-occurrence</a> · <a href=\"/disagreements\">Adjudicate the disagreements</a></p>"
        html += "<p>Coders: \(HTML.escape(result.coders.joined(separator: ", "))). Documents: "
            + result.documents.map { "<a href=\"/documents/\(HTML.escape($0))\">\(HTML.escape($0))</a>" }.joined(separator: ", ")
            + ".</p>"
        html += ConsentNoteHTML.paragraph(result.consent)
        if !result.leftOut.isEmpty {
            html += "<p class=\"hint\">Left out (not coded by every coder): "
                + HTML.escape(result.leftOut.map { $0.document }.joined(separator: ", ")) + ".</p>"
        }
        let summaries = [result.overall] + result.codes
        html += "<table class=\"agreement\"><caption>Per code and pooled</caption><thead><tr><th scope=\"col\">Code</th>"
            + "<th scope=\"col\">Units</th><th scope=\"col\">Agreement</th><th scope=\"col\">Fleiss' κ</th>"
            + "<th scope=\"col\">Krippendorff's α</th><th scope=\"col\">Note</th></tr></thead><tbody>"
        for summary in summaries {
            html += "<tr><th scope=\"row\">\(HTML.escape(summary.code ?? "Overall (pooled)"))</th><td>\(summary.units)</td>"
                + "<td>\(Self.number(summary.percentAgreement))</td><td>\(Self.number(summary.fleissKappa))</td>"
                + "<td>\(Self.number(summary.krippendorffAlpha))</td><td>\(HTML.escape(Self.note(summary.undefined)))</td></tr>"
        }
        html += "</tbody></table>"
        if result.coders.count > 1 {
            html += "<table class=\"agreement\"><caption>Pairs of coders</caption><thead><tr><th scope=\"col\">Code</th>"
                + "<th scope=\"col\">Coders</th><th scope=\"col\">Agreement</th><th scope=\"col\">Cohen's κ</th>"
                + "<th scope=\"col\">Note</th></tr></thead><tbody>"
            for summary in summaries {
                for pair in summary.pairs {
                    html += "<tr><th scope=\"row\">\(HTML.escape(summary.code ?? "Overall (pooled)"))</th>"
                        + "<td>\(HTML.escape(pair.coders.joined(separator: " + ")))</td><td>\(Self.number(pair.percentAgreement))</td>"
                        + "<td>\(Self.number(pair.cohenKappa))</td><td>\(HTML.escape(Self.note(pair.undefined)))</td></tr>"
                }
            }
            html += "</tbody></table>"
        }
        guard !result.disagreements.isEmpty else { return html }
        html += "<table class=\"agreement\"><caption>Disagreements</caption><thead><tr><th scope=\"col\">Document</th>"
            + "<th scope=\"col\">Segment</th><th scope=\"col\">Code</th><th scope=\"col\">Applied by</th>"
            + "<th scope=\"col\">Not applied by</th></tr></thead><tbody>"
        for item in result.disagreements {
            html += "<tr><td><a href=\"/documents/\(HTML.escape(item.document))\">\(HTML.escape(item.document))</a></td>"
                + "<td>\(item.segment) (\(item.start)–\(item.end))</td><td>\(HTML.escape(item.code))</td>"
                + "<td>\(HTML.escape(item.appliedBy.joined(separator: ", ")))</td>"
                + "<td>\(HTML.escape(item.notAppliedBy.joined(separator: ", ")))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "n/a"
    }

    static func note(_ undefined: [String: String]) -> String {
        var seen = Set<String>()
        return undefined.sorted { $0.key < $1.key }.map(\.value).filter { seen.insert($0).inserted }.joined(separator: "; ")
    }
}

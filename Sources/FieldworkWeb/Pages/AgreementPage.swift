import FieldworkCore
import FieldworkServices
import Foundation

/// `/agreement`: who was compared on which units, the statistics per code and pooled, each pair
/// of coders, and the disputed segments with links into their documents.
struct AgreementPage {
    let result: AgreementOutput
    let coders: AgreementCodersForm
    /// For the codes' names in the interface language (the rows showed ids, where every other page
    /// shows names); the id stays in the row's `data-code`.
    let codebook: Codebook
    let t: Localizer

    private func name(_ code: String?) -> String { code.map { codebook[$0]?.name ?? $0 } ?? t("agreement.overall") }

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("agreement.title"))</h1><p class=\"hint\">\(t.html("agreement.hint")) "
            + "<a href=\"/cooccurrence\">\(t.html("cooccurrence.title"))</a> · <a href=\"/disagreements\">\(t.html("agreement.adjudicate"))</a></p>"
            + coders.body()
        guard !result.coders.isEmpty else { return html + ConsentNoteHTML.paragraph(result.consent, t: t) + "<p class=\"empty\">\(t.html("agreement.empty"))</p>" }
        // A coder with a few test codings elsewhere leaves no document coded by everyone: say so,
        // not "Documents: ." over a table of nothing.
        if result.documents.isEmpty { return html + "<p class=\"empty\">\(t.noneCompared(result.coders))</p>" }
        let documents = result.documents.map { document -> SafeHTML in "<a href=\"/documents/\(document)\">\(document)</a>" }
        html += "<p>" + t.html("agreement.compared", ["coders": result.coders.joined(separator: ", ")], raw: ["documents": documents.joined(separator: ", ")]) + "</p>"
        html += ConsentNoteHTML.paragraph(result.consent, t: t)
        if !result.leftOut.isEmpty {
            html += "<p class=\"hint\">" + t.html("agreement.leftOut", ["documents": result.leftOut.map { $0.document }.joined(separator: ", ")]) + "</p>"
        }
        let summaries = [result.overall] + result.codes
        html += "<table class=\"agreement\"><caption>\(t.html("agreement.perCode"))</caption><thead><tr>"
            + header(["col.code", "agreement.units", "agreement.title", "agreement.fleiss", "agreement.alpha", "agreement.note"]) + "</tr></thead><tbody>"
        for summary in summaries {
            html += """
                <tr data-code="\(summary.code ?? "")"><th scope="row">\(name(summary.code))</th><td>\(summary.units)</td>\
                <td>\(number(summary.percentAgreement))</td><td>\(number(summary.fleissKappa))</td>\
                <td>\(number(summary.krippendorffAlpha))</td><td>\(note(summary.undefined))</td></tr>
                """
        }
        html += "</tbody></table>"
        if result.coders.count > 1 {
            html += "<table class=\"agreement\"><caption>\(t.html("agreement.pairs"))</caption><thead><tr>"
                + header(["col.code", "agreement.coders", "agreement.title", "agreement.cohen", "agreement.note"]) + "</tr></thead><tbody>"
            for summary in summaries {
                for pair in summary.pairs {
                    html += """
                        <tr data-code="\(summary.code ?? "")"><th scope="row">\(name(summary.code))</th>\
                        <td>\(pair.coders.joined(separator: " + "))</td><td>\(number(pair.percentAgreement))</td>\
                        <td>\(number(pair.cohenKappa))</td><td>\(note(pair.undefined))</td></tr>
                        """
                }
            }
            html += "</tbody></table>"
        }
        guard !result.disagreements.isEmpty else { return html }
        html += "<table class=\"agreement\"><caption>\(t.html("disagreements.title"))</caption><thead><tr>"
            + header(["col.document", "agreement.segment", "col.code", "agreement.appliedBy", "agreement.notAppliedBy"]) + "</tr></thead><tbody>"
        for item in result.disagreements {
            html += """
                <tr><td><a href="/documents/\(item.document)">\(item.document)</a></td>\
                <td>\(item.segment) (\(item.start)–\(item.end))</td><td data-code="\(item.code)">\(name(item.code))</td>\
                <td>\(item.appliedBy.joined(separator: ", "))</td><td>\(item.notAppliedBy.joined(separator: ", "))</td></tr>
                """
        }
        return html + "</tbody></table>"
    }

    private func header(_ keys: [String]) -> SafeHTML {
        keys.map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined()
    }

    /// A statistic in the page's language: three decimals with the language's decimal mark
    /// (`0,857` in Swedish), or the catalogue's word for no value ("n/a" was English everywhere).
    func number(_ value: Double?) -> String {
        guard let value else { return t("agreement.noValue") }
        return t.decimal(value)
    }

    /// Why statistics have no value, each reason once, in the page's language (the API keeps
    /// the English text).
    func note(_ undefined: [String: String]) -> String {
        var seen = Set<String>()
        return undefined.sorted { $0.key < $1.key }.map(\.value).filter { seen.insert($0).inserted }
            .map { text in AgreementValue.Reason(rawValue: text).map { t("agreement.reason.\($0)") } ?? text }
            .joined(separator: "; ")
    }
}

import FieldworkCore
import FieldworkServices
import Foundation

/// `/actors`: the actor map drawn by Graphviz, with the need and minimum-evidence filters as a
/// GET form. The map itself is an `<img>` of `/actors.svg`, so the SVG Graphviz writes never
/// becomes part of this page's DOM (nothing in it can run, whatever the actor names).
struct ActorsPage {
    struct Filter {
        var needID: String?
        var minEvidence = 1

        /// The query string for `/actors.svg` with the same filters, percent-encoded.
        var svgQuery: String {
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "min_evidence", value: String(minEvidence))]
                + (needID.map { [URLQueryItem(name: "need", value: $0)] } ?? [])
            return components.percentEncodedQuery ?? ""
        }
    }

    let codebook: Codebook
    let filter: Filter
    let graphvizInstalled: Bool
    let problem: String?
    /// What the map's evidence left out (consent, access): counts, never names.
    var consent: ExportMetadata?
    let t: Localizer

    func body() -> String {
        var html = "<h1>\(t.html("actors.title"))</h1><p class=\"hint\">\(t.html("actors.hint"))</p>"
        html += "<form class=\"filters\" method=\"get\" action=\"/actors\"><label>\(t.html("actors.need")) <select name=\"need\"><option value=\"\">\(t.html("actors.allNeeds"))</option>"
        for code in codebook.codes where code.kind == .need {
            let selected = filter.needID == code.id ? " selected" : ""
            html += "<option value=\"\(HTML.escape(code.id))\"\(selected)>\(HTML.escape(code.name))</option>"
        }
        html += "</select></label><label>\(t.html("actors.minimum")) <input type=\"number\" name=\"min_evidence\" min=\"1\" value=\"\(filter.minEvidence)\"></label>"
        html += "<button type=\"submit\">\(t.html("action.show"))</button></form>"
        if let consent { html += ConsentNoteHTML.paragraph(consent, t: t) }
        if let problem {
            return html + "<p class=\"error\" role=\"alert\">\(HTML.escape(problem))</p>"
        }
        guard graphvizInstalled else {
            return html + "<p class=\"error\" role=\"alert\">"
                + t.html("actors.noGraphviz", raw: ["command": "<code>fieldwork export actor-map --format dot</code>"]) + "</p>"
        }
        return html + "<p><img class=\"actor-map\" src=\"/actors.svg?\(HTML.escape(filter.svgQuery))\" alt=\"\(t.html("actors.title"))\"></p>"
    }
}

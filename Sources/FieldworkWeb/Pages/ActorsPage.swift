import FieldworkCore
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

    func body() -> String {
        var html = "<h1>Actor map</h1><p class=\"hint\">Actors from corpus/actors.yaml; dashed lines are declared relations, "
        html += "solid ones come from the coded material (edge width grows with the evidence).</p>"
        html += "<form class=\"filters\" method=\"get\" action=\"/actors\"><label>Need <select name=\"need\"><option value=\"\">All needs</option>"
        for code in codebook.codes where code.kind == .need {
            let selected = filter.needID == code.id ? " selected" : ""
            html += "<option value=\"\(HTML.escape(code.id))\"\(selected)>\(HTML.escape(code.name))</option>"
        }
        html += "</select></label><label>Minimum evidence <input type=\"number\" name=\"min_evidence\" min=\"1\" value=\"\(filter.minEvidence)\"></label>"
        html += "<button type=\"submit\">Show</button></form>"
        if let problem {
            return html + "<p class=\"error\" role=\"alert\">\(HTML.escape(problem))</p>"
        }
        guard graphvizInstalled else {
            return html + "<p class=\"error\" role=\"alert\">Graphviz is not installed, so the map cannot be drawn here. "
                + "Install the Debian package graphviz, or use <code>fieldwork export actor-map --format dot</code>.</p>"
        }
        return html + "<p><img class=\"actor-map\" src=\"/actors.svg?\(HTML.escape(filter.svgQuery))\" alt=\"Actor map\"></p>"
    }
}

import FieldworkCore
import FieldworkServices
import Foundation

/// `/actors`: the actor map drawn by Graphviz, with its focus (one need or one administration),
/// view (whole map, administrations × needs in two columns or as a table) and filters as a GET
/// form. The SVG is inlined so it can be zoomed and panned (`/static/actor-map.js`) and its text
/// stays sharp; the numbered key below it is the map's text alternative.
struct ActorsPage {
    enum View: String, CaseIterable {
        case map, bipartite, table
    }

    struct Filter {
        var needID: String?
        var administrationID: String?
        var view = View.map
        var barriers = false
        var minEvidence = 1

        var options: ActorGraphBuilder.Options {
            .init(needID: needID, actorID: administrationID, minEvidence: minEvidence, barriersAndPreconditions: barriers,
                  view: view == .map ? .map : .bipartite)
        }

        /// The query string for `/actors.svg` with the same filters, percent-encoded.
        var svgQuery: String {
            var components = URLComponents()
            components.queryItems = [URLQueryItem(name: "min_evidence", value: String(minEvidence))]
                + (needID.map { [URLQueryItem(name: "need", value: $0)] } ?? [])
                + (administrationID.map { [URLQueryItem(name: "administration", value: $0)] } ?? [])
                + (view == .map ? [] : [URLQueryItem(name: "view", value: view.rawValue)])
                + (barriers ? [URLQueryItem(name: "barriers", value: "1")] : [])
            return components.percentEncodedQuery ?? ""
        }
    }

    let codebook: Codebook
    let administrations: [Actor]
    let filter: Filter
    let graphvizInstalled: Bool
    var problem: String?
    /// The focused graph and Graphviz's SVG of it (nil when there is a problem).
    var graph: ActorGraph?
    var svg: String?
    /// What the map's evidence left out (consent, access): counts, never names.
    var consent: ExportMetadata?
    let t: Localizer

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("actors.title"))</h1><p class=\"hint\">\(t.html("actors.hint"))</p>" + form()
        if let consent { html += ConsentNoteHTML.paragraph(consent, t: t) }
        if let problem {
            return html + "<p class=\"error\" role=\"alert\">\(problem)</p>"
        }
        guard let graph else { return html }
        if filter.view == .table { return html + table(AdministrationNeedTable(graph)) }
        guard graphvizInstalled, let svg else {
            return html + "<p class=\"error\" role=\"alert\">"
                + t.html("actors.noGraphviz", raw: ["command": "<code>fieldwork export actor-map --format dot</code>"]) + "</p>"
        }
        html += "<figure class=\"actor-map-figure\"><div class=\"map-toolbar\" role=\"toolbar\" aria-label=\"\(t.html("actors.zoom"))\" aria-controls=\"actor-map\">"
        for (action, key) in [("in", "actors.zoomIn"), ("out", "actors.zoomOut"), ("reset", "actors.zoomReset"), ("fit", "actors.zoomFit")] {
            html += "<button type=\"button\" data-zoom=\"\(action)\">\(t.html(key))</button>"
        }
        html += "<span class=\"hint\" id=\"actor-map-keys\">\(t.html("actors.keys"))</span>"
        html += "<a href=\"/actors.svg?\(filter.svgQuery)\" download=\"actor-map.svg\">\(t.html("actors.download"))</a></div>"
        let label = t("actors.mapLabel", ["nodes": String(graph.nodes.count), "lines": String(graph.edges.count)])
        let labelled = GraphvizRenderer.markup(svg, label: label)
        html += "<div class=\"map-viewport\" id=\"actor-map\" tabindex=\"0\" role=\"group\" aria-label=\"\(t("actors.title"))\" aria-describedby=\"actor-map-keys\">\(labelled)</div></figure>"
        return html + key(ActorMapKey(graph)) + "<script type=\"module\" src=\"/static/actor-map.js\"></script>"
    }

    private func form() -> SafeHTML {
        var html: SafeHTML = "<form class=\"filters\" method=\"get\" action=\"/actors\"><label>\(t.html("actors.view")) <select name=\"view\">"
        for view in View.allCases {
            html += "<option value=\"\(view.rawValue)\"\(if: filter.view == view, " selected")>\(t.html("actors.view.\(view.rawValue)"))</option>"
        }
        html += "</select></label><label>\(t.html("actors.need")) <select name=\"need\"><option value=\"\">\(t.html("actors.allNeeds"))</option>"
        for code in codebook.codes where code.kind == .need {
            html += "<option value=\"\(code.id)\"\(if: filter.needID == code.id, " selected")>\(code.name)</option>"
        }
        html += "</select></label><label>\(t.html("actors.administration")) <select name=\"administration\"><option value=\"\">\(t.html("actors.allAdministrations"))</option>"
        for actor in administrations {
            html += "<option value=\"\(actor.id)\"\(if: filter.administrationID == actor.id, " selected")>\(actor.name)</option>"
        }
        html += "</select></label><label><input type=\"checkbox\" name=\"barriers\" value=\"1\"\(if: filter.barriers, " checked")> \(t.html("actors.barriers"))</label>"
        html += "<label>\(t.html("actors.minimum")) <input type=\"number\" name=\"min_evidence\" min=\"1\" value=\"\(filter.minEvidence)\"></label>"
        return html + "<button type=\"submit\">\(t.html("action.show"))</button></form>"
    }

    /// The numbered lines of the map as a table: the map's text alternative, and how to read a number on a line.
    private func key(_ key: ActorMapKey) -> SafeHTML {
        guard !key.entries.isEmpty else { return SafeHTML() }
        var html: SafeHTML = "<table class=\"actor-key\"><caption>\(t.html("actors.key.caption"))</caption><thead><tr>"
        for column in ["number", "from", "to", "relation", "evidence", "note"] {
            html += "<th scope=\"col\">\(t.html("actors.key.\(column)"))</th>"
        }
        html += "</tr></thead><tbody>"
        let labels = ActorMapLabels.localized(t)
        for entry in key.entries {
            let evidence = entry.evidence.map { labels.evidence(entry.kind, $0) } ?? ""
            html += "<tr><th scope=\"row\">\(entry.number)</th><td>\(entry.from)</td><td>\(entry.to)</td>"
                + "<td>\(labels.relation(entry.kind))</td><td>\(evidence)</td><td>\(entry.noteText(labels) ?? "")</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// Administrations × needs: residents raising each need whom each administration supports.
    private func table(_ table: AdministrationNeedTable) -> SafeHTML {
        guard !table.needs.isEmpty else { return "<p>\(t.html("actors.table.empty"))</p>" }
        var html: SafeHTML = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"actor-table-caption\"><table class=\"actor-table\"><caption id=\"actor-table-caption\">\(t.html("actors.table.caption"))</caption><thead><tr><th scope=\"col\">\(t.html("actors.administration"))</th>"
        html += table.needs.map { need -> SafeHTML in "<th scope=\"col\">\(need.label)</th>" }.joined() + "</tr></thead><tbody>"
        for row in table.administrations {
            html += "<tr><th scope=\"row\">\(row.label)</th>"
            html += table.needs.map { need -> SafeHTML in
                let count = table.count(row.id, need.id)
                return count == 0 ? "<td><span class=\"hint\">0</span></td>" : "<td>\(count)</td>"
            }.joined() + "</tr>"
        }
        return html + "</tbody></table></div>"
    }
}

import FieldworkCore
import FieldworkServices

/// `/solutions`: the IoT catalogue, each solution with what it measures, asks and risks, and
/// the needs it is linked to (rejected links left out).
struct SolutionsPage {
    let catalogue: SolutionCatalogue
    let links: [NeedSolutionLink]
    let codebook: Codebook

    func body() -> String {
        var html = "<h1>Solutions</h1><p class=\"hint\">The IoT catalogue in codebooks/solutions.yaml. The mission: no cost and no technical competence asked of the resident.</p>"
        for solution in catalogue.solutions {
            let needs = links.filter { $0.solutionID == solution.id && $0.status != .rejected }
            html += "<section class=\"solution\" id=\"\(HTML.escape(solution.id))\"><h2>\(HTML.escape(solution.name)) <span class=\"id\">\(HTML.escape(solution.id))</span></h2>"
            html += "<p>\(HTML.escape(solution.description))</p><dl class=\"definition\">"
            html += "<dt>Devices</dt><dd>\(HTML.escape(solution.deviceTypes.joined(separator: ", ")))</dd>"
            let metrics = solution.metrics.map { metric in "\(metric.name)\(metric.unit.map { " (\($0))" } ?? "")" }
            html += "<dt>Data</dt><dd>\(HTML.escape(metrics.joined(separator: ", ")))</dd>"
            html += "<dt>Cost to resident</dt><dd>\(HTML.escape(solution.costToResident))</dd>"
            html += "<dt>Competence asked</dt><dd>\(HTML.escape(solution.competence))</dd>"
            html += "<dt>Administrations</dt><dd>\(HTML.escape(solution.administrations.map(\.displayName).joined(separator: ", ")))</dd>"
            html += "<dt>Risks</dt><dd><ul>\(solution.risks.map { "<li>\(HTML.escape($0))</li>" }.joined())</ul></dd>"
            html += "<dt>Needs served</dt><dd>"
            html += needs.isEmpty ? "—" : needs.map { link in
                "<a href=\"/needs/\(HTML.escape(link.needID))\">\(HTML.escape(codebook[link.needID]?.name ?? link.needID))</a> (\(HTML.escape(link.status.rawValue)))"
            }.joined(separator: ", ")
            html += "</dd></dl></section>"
        }
        return html
    }
}

import FieldworkCore
import FieldworkServices

/// `/solutions`: the IoT catalogue, each solution with what it measures, asks and risks, and
/// the needs it is linked to (rejected links left out).
struct SolutionsPage {
    let catalogue: SolutionCatalogue
    let links: [NeedSolutionLink]
    let codebook: Codebook
    let t: Localizer

    func body() -> String {
        var html = "<h1>\(t.html("solutions.title"))</h1><p class=\"hint\">\(t.html("solutions.hint"))</p>"
        for solution in catalogue.solutions {
            let needs = links.filter { $0.solutionID == solution.id && $0.status != .rejected }
            html += "<section class=\"solution\" id=\"\(HTML.escape(solution.id))\"><h2>\(HTML.escape(solution.name)) <span class=\"id\">\(HTML.escape(solution.id))</span></h2>"
            html += "<p>\(HTML.escape(solution.description))</p><dl class=\"definition\">"
            html += "<dt>\(t.html("solutions.devices"))</dt><dd>\(HTML.escape(solution.deviceTypes.joined(separator: ", ")))</dd>"
            let metrics = solution.metrics.map { metric in "\(metric.name)\(metric.unit.map { " (\($0))" } ?? "")" }
            html += "<dt>\(t.html("solutions.data"))</dt><dd>\(HTML.escape(metrics.joined(separator: ", ")))</dd>"
            html += "<dt>\(t.html("solutions.cost"))</dt><dd>\(HTML.escape(solution.costToResident))</dd>"
            html += "<dt>\(t.html("solutions.competence"))</dt><dd>\(HTML.escape(solution.competence))</dd>"
            html += "<dt>\(t.html("col.administrations"))</dt><dd>\(HTML.escape(solution.administrations.map(t.administration).joined(separator: ", ")))</dd>"
            html += "<dt>\(t.html("solutions.risks"))</dt><dd><ul>\(solution.risks.map { "<li>\(HTML.escape($0))</li>" }.joined())</ul></dd>"
            html += "<dt>\(t.html("solutions.needs"))</dt><dd>"
            html += needs.isEmpty ? "—" : needs.map { link in
                "<a href=\"/needs/\(HTML.escape(link.needID))\">\(HTML.escape(codebook[link.needID]?.name ?? link.needID))</a> (\(HTML.escape(link.status.rawValue)))"
            }.joined(separator: ", ")
            html += "</dd></dl></section>"
        }
        return html
    }
}

import FieldworkCore
import FieldworkServices

/// `/solutions`: the IoT catalogue, each solution with what it measures, asks and risks, and
/// the needs it is linked to (rejected links left out).
struct SolutionsPage {
    let catalogue: SolutionCatalogue
    /// The needs each solution is linked to, by solution id (rejected links left out by the route).
    let needsBySolution: [String: [NeedSolutionLink]]
    let codebook: Codebook
    let t: Localizer
    /// What the person may open: a need's page (its evidence) only for those who may read it.
    var access = PageAccess.everything

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("solutions.title"))</h1><p class=\"hint\">\(t.html("solutions.hint"))</p>"
        for solution in catalogue.solutions {
            let needs = needsBySolution[solution.id] ?? []
            html += "<section class=\"solution\" id=\"\(solution.id)\"><h2>\(solution.name) <span class=\"id\">\(solution.id)</span></h2>"
            html += "<p>\(solution.description)</p><dl class=\"definition\">"
            html += "<dt>\(t.html("solutions.devices"))</dt><dd>\(solution.deviceTypes.joined(separator: ", "))</dd>"
            let metrics = solution.metrics.map { metric in "\(metric.name)\(metric.unit.map { " (\(t.senmlUnit($0)))" } ?? "")" }
            html += "<dt>\(t.html("solutions.data"))</dt><dd>\(metrics.joined(separator: ", "))</dd>"
            html += "<dt>\(t.html("solutions.cost"))</dt><dd>\(t.catalogueValue(solution.costToResident))</dd>"
            html += "<dt>\(t.html("solutions.competence"))</dt><dd>\(t.catalogueValue(solution.competence))</dd>"
            html += "<dt>\(t.html("col.administrations"))</dt><dd>\(solution.administrations.map(t.administration).joined(separator: ", "))</dd>"
            html += "<dt>\(t.html("solutions.risks"))</dt><dd><ul>\(solution.risks.map { risk -> SafeHTML in "<li>\(risk)</li>" })</ul></dd>"
            html += "<dt>\(t.html("solutions.needs"))</dt><dd>"
            // None linked: where a link is made (a need's page, or the CLI).
            html += needs.isEmpty ? t.html("solutions.noNeeds", raw: ["command": LinkCommandHTML.link(solution: solution.id)]) : needs.map { link -> SafeHTML in
                access.link("/needs/\(link.needID)", "\(codebook[link.needID]?.name ?? link.needID)") + " (\(t.linkStatus(link.status)))"
            }.joined(separator: ", ")
            html += "</dd></dl></section>"
        }
        return html
    }
}

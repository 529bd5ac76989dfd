import FieldworkCore
import FieldworkServices

/// `/needs`: every need with how much evidence it has and which solutions are linked.
struct NeedsPage {
    let register: [NeedEvidence]
    let codebook: Codebook
    /// For the solutions' names (the slugs mean nothing to a policy lab).
    let catalogue: SolutionCatalogue
    /// The workshop plans of `corpus/workshops/` (file name, title), each a pack to print.
    var packs: [(name: String, title: String)] = []
    let t: Localizer

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("needs.title"))</h1><p class=\"hint\">\(t.html("needs.hint"))</p>"
        html += "<p class=\"report-link\"><a href=\"/report\">\(t.html("needs.report"))</a></p>"
        if !packs.isEmpty {
            html += "<p class=\"packs\">\(t.html("needs.packs")) " + packs.map { pack -> SafeHTML in
                let path = "/handouts/workshops/\(pack.name)"
                return "<a href=\"\(path)\">\(pack.title)</a> (<a href=\"\(path)?easy_read=1\">\(t.html("needs.packEasyRead"))</a>)"
            }.joined(separator: ", ") + "</p>"
        }
        guard !register.isEmpty else { return html + "<p class=\"empty\">\(t.html("needs.empty"))</p>" }
        html += "<table class=\"needs\"><thead><tr>" + ["needs.need", "needs.codings", "needs.residents", "needs.relatives", "col.administrations", "needs.barriers", "solutions.title"].map { key -> SafeHTML in "<th scope=\"col\">\(t.html(key))</th>" }.joined() + "</tr></thead><tbody>"
        for evidence in register {
            let indent = String(repeating: "\u{00A0}\u{00A0}", count: codebook.depth(of: evidence.need.id))
            let name = codebook[evidence.need.id]?.name ?? evidence.need.name
            var solutions = evidence.links.map { link -> SafeHTML in "\(catalogue[link.solutionID]?.name ?? link.solutionID) <span class=\"id\">(\(t.linkStatus(link.status)))</span>" }
            // None linked: the way to the need page's form, where links are made.
            if solutions.isEmpty {
                solutions = ["<a href=\"/needs/\(evidence.need.id)#link-solution-title\" aria-label=\"\(t.html("needs.linkTo", ["need": name]))\">\(t.html("need.link"))</a>"]
            }
            html += """
                <tr><td>\(indent)<a href="/needs/\(evidence.need.id)">\(name)</a> <span class="id">\(evidence.need.id)</span></td>\
                <td>\(evidence.codings)</td><td>\(evidence.people.residents.joined(separator: ", "))</td>\
                <td>\((evidence.people.relatives + evidence.people.staff).joined(separator: ", "))</td>\
                <td>\(evidence.administrations.map(t.administration).joined(separator: ", "))</td>\
                <td>\(evidence.barriers.map(\.name).joined(separator: ", "))</td><td>\(solutions.joined(separator: ", "))</td></tr>
                """
        }
        return html + "</tbody></table>"
    }
}

import FieldworkCore
import FieldworkServices

/// `/needs`: every need with how much evidence it has and which solutions are linked.
struct NeedsPage {
    let register: [NeedEvidence]
    let codebook: Codebook
    /// For the solutions' names (the slugs mean nothing to a policy lab).
    let catalogue: SolutionCatalogue

    func body() -> String {
        var html = "<h1>Needs</h1><p class=\"hint\">Every code of kind need, with the codings of the need and the needs below it.</p>"
        html += "<table class=\"needs\"><thead><tr><th scope=\"col\">Need</th><th scope=\"col\">Codings</th><th scope=\"col\">Residents</th><th scope=\"col\">Relatives · staff</th><th scope=\"col\">Administrations</th><th scope=\"col\">Barriers</th><th scope=\"col\">Solutions</th></tr></thead><tbody>"
        for evidence in register {
            let indent = String(repeating: "\u{00A0}\u{00A0}", count: codebook.depth(of: evidence.need.id))
            let solutions = evidence.links.map { "\(HTML.escape(catalogue[$0.solutionID]?.name ?? $0.solutionID)) <span class=\"id\">(\(HTML.escape($0.status.rawValue)))</span>" }
            html += """
                <tr><td>\(indent)<a href="/needs/\(HTML.escape(evidence.need.id))">\(HTML.escape(evidence.need.name))</a> <span class="id">\(HTML.escape(evidence.need.id))</span></td>\
                <td>\(evidence.codings)</td><td>\(HTML.escape(evidence.people.residents.joined(separator: ", ")))</td>\
                <td>\(HTML.escape((evidence.people.relatives + evidence.people.staff).joined(separator: ", ")))</td>\
                <td>\(HTML.escape(evidence.administrations.map(\.displayName).joined(separator: ", ")))</td>\
                <td>\(HTML.escape(evidence.barriers.map(\.name).joined(separator: ", ")))</td><td>\(solutions.joined(separator: ", "))</td></tr>
                """
        }
        return html + "</tbody></table>"
    }
}

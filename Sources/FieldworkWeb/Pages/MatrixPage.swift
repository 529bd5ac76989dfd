import FieldworkCore
import FieldworkServices

/// `/matrix`: the code × case table of `export matrix` (codings per code per participant,
/// document, administration or participant attribute value), each count a link to the passages
/// it counts (`/matrix/passages`), which `MatrixPassagesPage` lists.
struct MatrixPage {
    /// What the page was asked for; the same parameters reach the cell links.
    struct Query {
        var rows: CaseMatrix.Rows = .participant
        var includeChildren = false
        var coder: String?

        func parameters(row: String? = nil, code: String? = nil) -> [(String, String?)] {
            [("rows", rows.rawValue), ("row", row), ("code", code),
             ("include_children", includeChildren ? "true" : nil), ("coder", coder)]
        }
    }

    let table: CaseMatrix.Table
    let query: Query
    let codebook: Codebook
    let attributeKeys: [String]
    let coders: [String]

    func body() -> String {
        var html = "<h1>Code × case</h1><p class=\"hint\">Codings per code (columns) and \(HTML.escape(Self.rowsName(query.rows))) (rows), "
            + "counted for the people whose words they are (the attribution rule: group notes and the interviewer count for no one); "
            + "each count opens its passages. The same numbers as <code>fieldwork export matrix</code>.</p>"
        html += form()
        let columns = table.columns.filter { code in table.labels.contains { table.count($0, code) > 0 } }
        html += "<p class=\"count\">\(table.codings) coding\(table.codings == 1 ? "" : "s")"
        if table.unattributed > 0 { html += ", \(table.unattributed) counting for no row" }
        html += "; codes never counted here are left out.</p>"
        guard !columns.isEmpty else { return html + "<p>No codings to count.</p>" }
        let participantRows = query.rows == .participant
        html += "<div class=\"matrix-scroll\"><table class=\"matrix\"><caption>Codings per code and \(HTML.escape(Self.rowsName(query.rows)))</caption>"
        html += "<thead><tr><th scope=\"col\">\(HTML.escape(Self.rowHeading(query.rows)))</th>" + (participantRows ? "<th scope=\"col\">Role</th>" : "")
        for code in columns {
            html += "<th scope=\"col\"><span class=\"code-dot\" data-code=\"\(HTML.escape(code))\"></span>\(HTML.escape(codebook[code]?.name ?? code))</th>"
        }
        html += "</tr></thead><tbody>"
        for label in table.labels {
            let name = rowName(label)
            html += "<tr><th scope=\"row\">\(HTML.escape(name))</th>" + (participantRows ? "<td>\(HTML.escape(table.roles[label] ?? ""))</td>" : "")
            for code in columns {
                let count = table.count(label, code)
                guard count > 0 else {
                    html += "<td class=\"zero\">0</td>"
                    continue
                }
                let link = HTML.url("/matrix/passages", query.parameters(row: label, code: code))
                let described = "\(count) passage\(count == 1 ? "" : "s"): \(codebook[code]?.name ?? code), \(name)"
                html += "<td><a href=\"\(HTML.escape(link))\" aria-label=\"\(HTML.escape(described))\">\(count)</a></td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    private func form() -> String {
        var html = "<form class=\"filters\" method=\"get\" action=\"/matrix\"><label>Rows <select name=\"rows\">"
        var choices: [(CaseMatrix.Rows, String)] = [(.participant, "Participant"), (.document, "Document"), (.administration, "Administration")]
        choices += attributeKeys.map { (.attribute($0), "Participant attribute: \($0)") }
        for (rows, title) in choices {
            html += "<option value=\"\(HTML.escape(rows.rawValue))\"\(rows == query.rows ? " selected" : "")>\(HTML.escape(title))</option>"
        }
        html += "</select></label><label>Coder <select name=\"coder\"><option value=\"\">All</option>"
        for coder in coders {
            html += "<option value=\"\(HTML.escape(coder))\"\(coder == query.coder ? " selected" : "")>\(HTML.escape(coder))</option>"
        }
        html += "</select></label><label><input type=\"checkbox\" name=\"include_children\" value=\"true\"\(query.includeChildren ? " checked" : "")> "
            + "A code counts the codes below it</label><button type=\"submit\">Show</button></form>"
        return html
    }

    private func rowName(_ label: String) -> String {
        query.rows == .administration ? Administration(rawValue: label)?.displayName ?? label : label
    }

    static func rowsName(_ rows: CaseMatrix.Rows) -> String {
        if case .attribute(let key) = rows { return "value of \(key)" }
        return rows.rawValue
    }

    static func rowHeading(_ rows: CaseMatrix.Rows) -> String {
        if case .attribute(let key) = rows { return key }
        return rows.rawValue.prefix(1).uppercased() + rows.rawValue.dropFirst()
    }
}

/// `/matrix/passages`: the passages one cell of the matrix counts.
struct MatrixPassagesPage {
    let query: MatrixPage.Query
    let row: String
    let code: String
    let items: [RetrievalService.Item]
    let codebook: Codebook

    func body() -> String {
        let rowName = query.rows == .administration ? Administration(rawValue: row)?.displayName ?? row : row
        let codeName = codebook[code]?.name ?? code
        var html = "<h1>\(HTML.escape(codeName)) × \(HTML.escape(rowName))</h1>"
        html += "<p class=\"hint\">Passages coded <strong>\(HTML.escape(codeName))</strong>\(query.includeChildren ? " (or a code below it)" : "") "
            + "that count for \(HTML.escape(MatrixPage.rowHeading(query.rows).lowercased())) <strong>\(HTML.escape(rowName))</strong>"
            + "\(query.coder.map { ", coded by \(HTML.escape($0))" } ?? ""). "
            + "<a href=\"\(HTML.escape(HTML.url("/matrix", query.parameters())))\">Back to the matrix</a></p>"
        html += "<p class=\"count\">\(items.count) passage\(items.count == 1 ? "" : "s")</p>"
        return html + PassageList(codebook: codebook).render(items)
    }
}

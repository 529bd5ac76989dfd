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
        /// Participant attributes shown as columns beside the role (participant rows only).
        var attributes: [String] = []

        func parameters(row: String? = nil, code: String? = nil) -> [(String, String?)] {
            [("rows", rows.rawValue), ("row", row), ("code", code),
             ("include_children", includeChildren ? "true" : nil), ("coder", coder)] + attributes.map { ("attribute", $0) }
        }
    }

    let table: CaseMatrix.Table
    let query: Query
    let codebook: Codebook
    let attributeKeys: [String]
    let coders: [String]
    let t: Localizer

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("matrix.title"))</h1><p class=\"hint\">"
            + t.html("matrix.hint", ["rows": Self.rowsName(query.rows, t)], raw: ["command": "<code>fieldwork export matrix</code>"]) + "</p>"
        html += form()
        let columns = table.countedColumns
        html += "<p class=\"count\">\(t.count("matrix.codings", table.codings))"
        if table.unattributed > 0 { html += SafeHTML(text: t.count("matrix.unattributed", table.unattributed)) }
        html += "\(t.html("matrix.leftOut"))</p>"
        // The table counts codings, withheld ones too (as `export matrix` says): one passage coded twice is two.
        html += ConsentNoteHTML.paragraph(table.withheld, unit: "codings", t: t)
        guard !columns.isEmpty else { return html + "<p class=\"empty\">\(t.html("matrix.empty"))</p>" }
        let participantRows = query.rows == .participant
        html += "<div class=\"matrix-scroll\"><table class=\"matrix\"><caption>\(t.html("matrix.caption", ["rows": Self.rowsName(query.rows, t)]))</caption>"
        let attributes = participantRows ? query.attributes : []
        html += "<thead><tr><th scope=\"col\">\(Self.rowHeading(query.rows, t))</th>" + (participantRows ? "<th scope=\"col\">\(t.html("matrix.role"))</th>" as SafeHTML : SafeHTML())
        html += attributes.map { key -> SafeHTML in "<th scope=\"col\" class=\"attribute\">\(key)</th>" }.joined()
        for code in columns {
            html += "<th scope=\"col\"><span class=\"code-dot\" data-code=\"\(code)\"></span>\(codebook[code]?.name ?? code)</th>"
        }
        html += "</tr></thead><tbody>"
        for label in table.labels {
            let name = Self.rowName(label, query.rows, t)
            html += "<tr><th scope=\"row\">\(name)</th>" + (participantRows ? "<td>\(Self.roleName(table.roles[label], t))</td>" as SafeHTML : SafeHTML())
            html += attributes.map { key -> SafeHTML in "<td class=\"attribute\">\(table.attribute(label, key))</td>" }.joined()
            for code in columns {
                let count = table.count(label, code)
                guard count > 0 else {
                    html += "<td class=\"zero\">0</td>"
                    continue
                }
                let link = HTML.url("/matrix/passages", query.parameters(row: label, code: code))
                let described = t.count("matrix.cell", count, ["code": codebook[code]?.name ?? code, "row": name])
                html += "<td><a href=\"\(link)\" aria-label=\"\(described)\">\(count)</a></td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></div>"
    }

    private func form() -> SafeHTML {
        var html: SafeHTML = "<form class=\"filters\" method=\"get\" action=\"/matrix\"><label>\(t.html("matrix.rows")) <select name=\"rows\">"
        var choices: [(CaseMatrix.Rows, String)] = [(.participant, t("matrix.rows.participant")), (.document, t("matrix.rows.document")),
                                                    (.administration, t("matrix.rows.administration"))]
        choices += attributeKeys.map { (.attribute($0), t("matrix.rows.attribute", ["key": $0])) }
        for (rows, title) in choices {
            html += "<option value=\"\(rows.rawValue)\"\(if: rows == query.rows, " selected")>\(title)</option>"
        }
        html += "</select></label><label>\(t.html("col.coder")) <select name=\"coder\"><option value=\"\">\(t.html("matrix.allCoders"))</option>"
        for coder in coders {
            html += "<option value=\"\(coder)\"\(if: coder == query.coder, " selected")>\(coder)</option>"
        }
        html += "</select></label><label><input type=\"checkbox\" name=\"include_children\" value=\"true\"\(if: query.includeChildren, " checked")> "
            + "\(t.html("matrix.includeChildren"))</label>"
        if !attributeKeys.isEmpty {
            html += "<fieldset class=\"attribute-columns\"><legend>\(t.html("matrix.attributeColumns"))</legend>"
            html += attributeKeys.map { key -> SafeHTML in
                "<label><input type=\"checkbox\" name=\"attribute\" value=\"\(key)\"\(if: query.attributes.contains(key), " checked")> \(key)</label>"
            }.joined() + "</fieldset>"
        }
        return html + "<button type=\"submit\">\(t.html("action.show"))</button></form>"
    }

    /// A row's role in the interface language (the table holds the register's value).
    static func roleName(_ role: String?, _ t: Localizer) -> String {
        guard let role else { return "" }
        return ParticipantRole(rawValue: role).map(t.role) ?? role
    }

    static func rowName(_ label: String, _ rows: CaseMatrix.Rows, _ t: Localizer) -> String {
        guard rows == .administration, let administration = Administration(rawValue: label) else { return label }
        return t.administration(administration)
    }

    /// What the rows are, inside a sentence ("participant", "value of living_situation").
    static func rowsName(_ rows: CaseMatrix.Rows, _ t: Localizer) -> String {
        if case .attribute(let key) = rows { return t("matrix.rowsName.attribute", ["key": key]) }
        return t("matrix.rowsName.\(rows.rawValue)")
    }

    static func rowHeading(_ rows: CaseMatrix.Rows, _ t: Localizer) -> String {
        if case .attribute(let key) = rows { return key }
        return t("matrix.rows.\(rows.rawValue)")
    }
}

/// `/matrix/passages`: the passages one cell of the matrix counts.
struct MatrixPassagesPage {
    let query: MatrixPage.Query
    let row: String
    let code: String
    let items: [RetrievalService.Item]
    let codebook: Codebook
    let t: Localizer

    func body() -> SafeHTML {
        let rowName = MatrixPage.rowName(row, query.rows, t)
        let codeName = codebook[code]?.name ?? code
        var html: SafeHTML = "<h1>\(codeName) × \(rowName)</h1>"
        let key = query.includeChildren ? "matrix.passagesHintChildren" : "matrix.passagesHint"
        html += "<p class=\"hint\">" + t.html(key, ["rows": MatrixPage.rowsName(query.rows, t)],
                                                raw: ["code": "<strong>\(codeName)</strong>", "row": "<strong>\(rowName)</strong>"])
            + (query.coder.map { " " + t.html("matrix.codedBy", ["coder": $0]) } ?? SafeHTML())
            + " <a href=\"\(HTML.url("/matrix", query.parameters()))\">\(t.html("matrix.back"))</a></p>"
        html += "<p class=\"count\">\(t.count("retrieval.count", items.count))</p>"
        return html + PassageList(codebook: codebook, t: t).render(items)
    }
}

import FieldworkCore
import FieldworkServices

/// `/codebook`: the tree with definitions, include/exclude, examples and coding counts.
/// Editing (add, rename, move) is done by the script through `/api/codebook`.
struct CodebookPage {
    let codebook: Codebook
    /// Codings per code, each code counting those of every code below it too.
    let totals: [String: Int]
    let t: Localizer
    /// What the person may open: a code's count links to its passages only for those who may read them.
    var access = PageAccess.everything

    func body() -> SafeHTML {
        var html: SafeHTML = """
            <h1>\(t.html("codebook.title"))</h1>
            <p class="hint">\(t.html("codebook.hint", raw: ["folder": "<code>codebooks/</code>"]))</p>
            <div class="codebook-actions"><button type="button" id="add-root-code">\(t.html("codebook.addRoot"))</button></div>
            <ul class="code-tree" role="tree" aria-label="\(t.html("codebook.title"))">
            """
        for root in codebook.roots { html += node(root) }
        return html + "</ul>"
    }

    private func node(_ code: Code) -> SafeHTML {
        let children = codebook.children(of: code.id)
        var details = SafeHTML()
        for (label, value) in [(t("code.description"), code.description), (t("code.include"), code.include), (t("code.exclude"), code.exclude)] {
            if let value { details += "<dt>\(label)</dt><dd>\(value)</dd>" }
        }
        if !code.examples.isEmpty {
            details += "<dt>\(t.html("code.examples"))</dt><dd><ul>" + code.examples.map(example).joined() + "</ul></dd>"
        }
        var html: SafeHTML = """
            <li role="treeitem"\(if: !children.isEmpty, " aria-expanded=\"true\"") aria-labelledby="code-\(code.id)" class="code" data-code="\(code.id)" data-name="\(code.name)" data-kind="\(code.kind.rawValue)" data-parent="\(code.parentID ?? "")">
            <div class="code-row"><span class="code-dot" data-code="\(code.id)"></span>\
            <span class="code-name" id="code-\(code.id)">\(code.name)</span> <code class="id">\(code.id)</code> \
            <span class="kind">\(t("kind.\(code.kind.rawValue)"))</span> \
            \(access.opens("/retrieval") ? "<a class=\"count\" href=\"/retrieval?code=\(code.id)\" title=\"\(t.html("codebook.countTitle"))\">\(totals[code.id] ?? 0)</a>" as SafeHTML : "<span class=\"count\">\(totals[code.id] ?? 0)</span>")\
            <span class="code-actions"><button type="button" class="rename">\(t.html("codebook.rename"))</button> <button type="button" class="move">\(t.html("codebook.move"))</button> <button type="button" class="add-child">\(t.html("codebook.addChild"))</button></span></div>
            """
        if !details.isEmpty { html += "<dl class=\"definition\">\(details)</dl>" }
        if !children.isEmpty {
            html += "<ul role=\"group\">" + children.map(node).joined() + "</ul>"
        }
        return html + "</li>"
    }

    /// An example, or the marker that stands for one quoting withheld words (`ShownCodebook`),
    /// in the page's language.
    private func example(_ text: String) -> SafeHTML {
        if let reason = ConsentRule.Reason.allCases.first(where: { $0.marker == text }) {
            return "<li class=\"withheld\">\(t.withheld(reason))</li>"
        }
        return "<li>\(t.html("quote.marks", ["text": text]))</li>"
    }
}

import FieldworkCore
import FieldworkServices

/// Coded passages as the retrieval page lists them (source, speaker, code, coder, the quote in its
/// context, the memo): also the passages behind a cell of the code × case matrix.
struct PassageList {
    let codebook: Codebook
    let t: Localizer

    func render(_ items: [RetrievalService.Item]) -> String {
        var html = "<ol class=\"retrieval\">"
        for item in items {
            let who = [item.speaker, item.heading].compactMap { $0 }.first ?? item.participants.joined(separator: ", ")
            let code = HTML.escape(item.coding.codeID)
            html += """
                <li><p class="source"><a href="/documents/\(HTML.escape(item.document.id))#s\(item.coding.start)">\(HTML.escape(item.document.title))</a> · \(HTML.escape(who)) · <span class="code-dot" data-code="\(code)"></span>\(HTML.escape(codebook[item.coding.codeID]?.name ?? item.coding.codeID)) · \(HTML.escape(item.coding.coder))</p>
                \(item.withheld.map { "<p class=\"withheld\">\(HTML.escape(t.withheld($0)))</p>" } ?? "<blockquote><span class=\"context\">\(HTML.escape(item.contextBefore))</span><mark class=\"hl\" data-code=\"\(code)\">\(HTML.escape(item.coding.quote))</mark><span class=\"context\">\(HTML.escape(item.contextAfter))</span></blockquote>")
                \(item.coding.memo.map { "<p class=\"memo-text\">\(HTML.escape($0))</p>" } ?? "")</li>
                """
        }
        return html + "</ol>"
    }
}

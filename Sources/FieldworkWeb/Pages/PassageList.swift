import FieldworkCore
import FieldworkServices

/// Coded passages as the retrieval page lists them (source, speaker, code, coder, the quote in its
/// context, the memo): also the passages behind a cell of the code × case matrix.
struct PassageList {
    let codebook: Codebook
    let t: Localizer

    func render(_ items: [RetrievalService.Item]) -> SafeHTML {
        var html: SafeHTML = "<ol class=\"retrieval\">"
        for item in items {
            let who = [item.speaker, item.heading].compactMap { $0 }.first ?? item.participants.joined(separator: ", ")
            let code = item.coding.codeID
            html += """
                <li><p class="source"><a href="/documents/\(item.document.id)#s\(item.coding.start)">\(item.document.title)</a> · \(who) · <span class="code-dot" data-code="\(code)"></span>\(codebook[item.coding.codeID]?.name ?? item.coding.codeID) · \(item.coding.coder)</p>
                \(words(item))
                \(memo(item))</li>
                """
        }
        return html + "</ol>"
    }

    /// The quote in its context, or the marker saying why its words are withheld.
    private func words(_ item: RetrievalService.Item) -> SafeHTML {
        if let reason = item.withheld { return "<p class=\"withheld\">\(t.withheld(reason))</p>" }
        let code = item.coding.codeID
        return "<blockquote><span class=\"context\">\(item.contextBefore)</span><mark class=\"hl\" data-code=\"\(code)\">\(item.coding.quote)</mark><span class=\"context\">\(item.contextAfter)</span></blockquote>"
    }

    private func memo(_ item: RetrievalService.Item) -> SafeHTML {
        guard let memo = CodingMemoText.text(item.coding, t: t) else { return SafeHTML() }
        return "<p class=\"memo-text\">\(memo)</p>"
    }
}

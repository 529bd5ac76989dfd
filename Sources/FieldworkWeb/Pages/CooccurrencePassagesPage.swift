import FieldworkCore
import FieldworkServices

/// `/cooccurrence/passages?a=&b=&coder=`: the segments behind one cell of the co-occurrence heat
/// map, where both codes apply, each with its words (or the consent marker) and who applied which.
struct CooccurrencePassagesPage {
    let codeA: String
    let codeB: String
    let coder: String?
    /// The passages the pair's Both counts, and those withheld (no units of the count).
    let counted: [SegmentPassage]
    let withheld: [SegmentPassage]
    let codebook: Codebook
    let t: Localizer

    private func name(_ code: String) -> String { codebook[code]?.name ?? code }

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(name(codeA)) + \(name(codeB))</h1>"
        let who = coder.map { t("cooccurrence.byCoder", ["coder": $0]) } ?? t("cooccurrence.byAny")
        html += "<p class=\"hint\">\(t.html("cooccurrence.passagesHint", ["who": who])) "
            + "<a href=\"\(HTML.url("/cooccurrence", [("coder", coder)]))\">\(t.html("cooccurrence.back"))</a></p>"
        // The listed passages are the pair's Both (segments, each once however many codings it
        // has: not the retrieval's count of codings); withheld ones follow apart, counted and
        // marked, as they are left out of Both.
        html += "<p class=\"count\">\(t.count("cooccurrence.count", counted.count))</p>" + list(counted)
        if !withheld.isEmpty {
            html += "<h2>\(t.html("cooccurrence.withheldTitle"))</h2>"
                + "<p class=\"count\">\(t.count("cooccurrence.withheldCount", withheld.count))</p>" + list(withheld)
        }
        return html
    }

    private func list(_ passages: [SegmentPassage]) -> SafeHTML {
        var html: SafeHTML = "<ol class=\"retrieval\">"
        for passage in passages {
            let segment = passage.segment
            let who = segment.speaker ?? segment.headingPath.joined(separator: " › ")
            html += "<li><p class=\"source\"><a href=\"/documents/\(passage.document.id)#s\(segment.start)\">"
                + "\(passage.document.title)</a>\(if: !who.isEmpty, " · \(who)")</p>"
            if let reason = passage.withheld {
                html += "<p class=\"withheld\">\(t.withheld(reason))</p>"
            } else {
                html += "<blockquote>\(passage.text)</blockquote>"
            }
            let applied = [codeA, codeB].map { code -> SafeHTML in
                let coders = passage.coders(of: code)
                return "<li><span class=\"code-dot\" data-code=\"\(code)\"></span>\(name(code)): "
                    + "\(coders.joined(separator: ", "))</li>"
            }
            html += "<ul class=\"applied\">\(applied)</ul></li>"
        }
        return html + "</ol>"
    }
}

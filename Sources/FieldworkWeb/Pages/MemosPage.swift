import FieldworkCore

/// `/memos`: every memo the person may see, in one place — the project's own (with a form to add
/// one: they had no page at all), then those on codes and on documents, grouped under a link to
/// where each is written and edited (a code's retrieval page, a document's page).
struct MemosPage {
    let memos: [Memo]
    /// Memos on documents the access rule withholds: counted, never shown.
    let withheld: WithheldCount
    let codebook: Codebook
    let titles: [String: String]
    let timeZone: String
    let t: Localizer
    /// A blind pass is on: `memos` are the coder's own, so the page must not say there are none.
    var blind = false

    func body() -> SafeHTML {
        var html: SafeHTML = "<h1>\(t.html("memos.page.title"))</h1><p class=\"lead\">\(t.html(blind ? "memos.page.leadBlind" : "memos.page.lead"))</p>"
        html += MemoListRenderer(memos: memos.filter { $0.target == .project }, target: .project, targetID: "", t: t,
                                 timeZone: timeZone, titleKey: "memos.projectTitle").render()
        let times = memos.isEmpty ? nil : StudyTimes(identifier: timeZone)
        html += group(.code, heading: "memos.onCodes", times: times) { id in
            (codebook[id]?.name ?? id, "/retrieval?code=\(RetrievalPage.percentEncode(id))#memos-title")
        }
        html += ConsentNoteHTML.paragraph(withheld, unit: "memos", t: t)
        html += group(.document, heading: "memos.onDocuments", times: times) { id in
            (titles[id] ?? id, "/documents/\(RetrievalPage.percentEncode(id))#memos-title")
        }
        // Without any, the page was a form alone and never said where the others are written.
        // During a blind pass a colleague's are hidden on purpose: "none yet" would be untrue.
        if !memos.contains(where: { $0.target != .project }), withheld.total == 0 {
            html += "<p class=\"empty\">\(t.html(blind ? "memos.noneOwnOnCodesOrDocuments" : "memos.noneOnCodesOrDocuments"))</p>"
        }
        return html
    }

    /// The memos on one kind of target, each target under a link to its page, in the order of
    /// their names; nothing when there are none.
    private func group(_ target: Memo.Target, heading: String, times: StudyTimes?,
                       place: (String) -> (name: String, link: String)) -> SafeHTML {
        let byTarget = Dictionary(grouping: memos.filter { $0.target == target }, by: \.targetID)
        guard !byTarget.isEmpty else { return "" }
        let anchor = "memos-\(target.rawValue)"
        var html: SafeHTML = "<section class=\"memo-group\" aria-labelledby=\"\(anchor)\"><h2 id=\"\(anchor)\">\(t.html(heading))</h2>"
        for (id, memos) in byTarget.map({ ($0.key, $0.value) }).sorted(by: { place($0.0).name < place($1.0).name }) {
            let (name, link) = place(id)
            html += "<h3><a href=\"\(link)\">\(name)</a></h3><ul class=\"memo-list\">"
            for memo in memos.sorted(by: { $0.createdAt < $1.createdAt }) { html += MemoListRenderer.item(memo, times: times, t: t) }
            html += "</ul>"
        }
        return html + "</section>"
    }
}

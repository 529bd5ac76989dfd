import FieldworkCore

/// Memos on one target (a document, a code, the project) with a form to add one; memos.js posts
/// it to `/api/memos` and lets each be edited or deleted in place. One such section a page.
struct MemoListRenderer {
    let memos: [Memo]
    let target: Memo.Target
    let targetID: String
    let t: Localizer
    /// Memos access withheld: counted in a note, never shown.
    var withheld = WithheldCount()
    /// When each was written is shown in the study's time zone (memos.js says it in the interface language).
    var timeZone = "Europe/Stockholm"
    /// The section's heading ("Memos"; "Memos on this code", "Project memos").
    var titleKey = "memos.title"

    func render() -> SafeHTML {
        var html: SafeHTML = "<section class=\"memos\" aria-labelledby=\"memos-title\" data-target=\"\(target.rawValue)\" data-target-id=\"\(targetID)\"><h2 id=\"memos-title\">\(t.html(titleKey))</h2>"
            + ConsentNoteHTML.paragraph(withheld, unit: "memos", t: t) + "<ul class=\"memo-list\">"
        // Made only when there are memos: its formatters cost more than the rest of a document open's HTML.
        let times = memos.isEmpty ? nil : StudyTimes(identifier: timeZone)
        for memo in memos { html += Self.item(memo, times: times, t: t) }
        return html + """
            </ul>
            <form class="memo-form"><label for="memo-text">\(t.html("memos.new"))</label>
            <textarea id="memo-text" name="text" rows="3" required></textarea>
            <button type="submit">\(t.html("memos.save"))</button></form>
            </section>
            """
    }

    /// One memo: its text, who wrote it and when.
    static func item(_ memo: Memo, times: StudyTimes?, t: Localizer) -> SafeHTML {
        "<li data-memo=\"\(memo.id)\" data-version=\"\(memo.version)\">\(MemoTextHTML.paragraph(memo, t: t))<p class=\"memo-meta\">\(memo.author) · \(times?.html(memo.createdAt) ?? "")</p></li>"
    }
}

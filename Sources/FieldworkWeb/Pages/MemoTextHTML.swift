import FieldworkCore

/// A memo's text as a page shows it. Adjudication leaves document memos whose first line is read
/// by the program (`Adjudication: dismissed code=… passage=…`, `AdjudicationNote`), so the store
/// and the codings files keep it as written, in English. Pages say it in the interface language
/// instead (a Swedish document page showed "Adjudication: dismissed … Dismissed by Maja Lind.");
/// the stored text stays in `data-text`, which the memo editor edits, so editing such a memo
/// never replaces the line the disagreements page and the needs register read.
enum MemoTextHTML {
    static func paragraph(_ memo: Memo, t: Localizer) -> SafeHTML {
        guard let note = AdjudicationNote(memoText: memo.text) else { return "<p class=\"memo-text\">\(memo.text)</p>" }
        let passage = ["start": String(note.start), "end": String(note.end)]
        var text: String
        var body = note.body
        switch note.kind {
        case .dismissed(let code):
            text = t("memos.adjudication.dismissed", passage.merging(["code": code]) { first, _ in first })
            // The standard body only repeats the author, whom the memo's byline names.
            if body == Consensus.dismissalBody(by: memo.author) { body = "" }
        case .discussion:
            text = t("memos.adjudication.discussion", passage)
        }
        if !body.isEmpty { text += "\n" + body }
        return "<p class=\"memo-text\" data-text=\"\(memo.text)\">\(text)</p>"
    }
}

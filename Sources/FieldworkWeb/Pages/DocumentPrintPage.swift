import FieldworkCore
import FieldworkServices

/// `/documents/{id}/print`: the document as it is coded, for printing or saving (the browser's
/// Print → PDF): the transcript turn by turn, each coded passage numbered where it ends, and
/// under each turn its codings — the words, the code, who coded it and the memo; then the
/// code counts with their coders, orphaned codings and the memos on the document. The consent
/// rule applies as on the document page (withheld words and memos are not printed).
struct DocumentPrintPage {
    let view: DocumentView
    let memos: VisibleMemos
    /// `?coder=`: one coder's codings (a blind pass asks for the coder's own).
    let coder: String?
    let t: Localizer
    /// The study's time zone: the memos' times (UTC, unlabelled, before).
    var times = StudyTimes(identifier: "Europe/Stockholm")

    private var codings: [Coding] {
        view.codings.filter { coder == nil || $0.coder == coder }.sorted { ($0.start, $0.end, $0.id) < ($1.start, $1.end, $1.id) }
    }

    func body() -> SafeHTML {
        let metadata = view.document.metadata
        let anchored = codings.filter { $0.status == .anchored }
        let numbers = Dictionary(uniqueKeysWithValues: anchored.enumerated().map { ($1.id, $0 + 1) })
        let facts = [t.documentType(metadata.type), metadata.date,
                     metadata.participants.isEmpty ? nil : t("document.participants") + ": " + metadata.participants.joined(separator: ", ")]
            .compactMap { $0 }.joined(separator: " · ")
        let summary = coder.map { t.count("print.summaryOf", anchored.count, ["coder": $0]) } ?? t.count("print.summary", anchored.count)
        var html: SafeHTML = """
            <div class="print-head"><h1>\(metadata.title)</h1><p class="facts">\(facts)</p>
            <p class="print-summary">\(summary)</p>
            <p class="print-actions"><button type="button" data-action="print">\(t("print.print"))</button> <a href="/documents/\(metadata.id)">\(t("print.back"))</a></p></div>
            <section class="print-transcript" aria-labelledby="print-text"><h2 id="print-text">\(t("print.transcript"))</h2>
            """
        for segment in view.segments {
            html += turn(segment, codings: anchored.filter { $0.start >= segment.start && $0.start < segment.end }, numbers: numbers)
        }
        html += "</section>"
        html += counts(anchored)
        let orphans = codings.filter { $0.status == .orphaned }
        if !orphans.isEmpty {
            let items = orphans.map { entry($0, number: nil) }
            html += "<section aria-labelledby=\"print-orphans\"><h2 id=\"print-orphans\">\(t.count("document.orphans", orphans.count))</h2><ul class=\"print-codings\">\(items)</ul></section>"
        }
        let notes: [SafeHTML] = memos.memos.map { memo in
            "<li>\(MemoTextHTML.paragraph(memo, t: t))<p class=\"memo-meta\">\(memo.author) · \(times.html(memo.updatedAt))</p></li>"
        }
        html += "<section aria-labelledby=\"print-memos\"><h2 id=\"print-memos\">\(t("memos.title"))</h2>\(ConsentNoteHTML.paragraph(memos.withheld, unit: "memos", t: t))"
        html += notes.isEmpty ? "<p class=\"empty\">\(t("print.noMemos"))</p>" : "<ul class=\"memo-list\">\(notes)</ul>"
        return html + "</section>"
    }

    /// One turn: speaker, text with a number after each coded passage, and its codings below.
    private func turn(_ segment: Segment, codings: [Coding], numbers: [String: Int]) -> SafeHTML {
        var speaker = SafeHTML()
        if let name = segment.speaker { speaker = "<p class=\"print-speaker\">\(name)</p>" }
        if let reason = view.withheld[segment.index] {
            return "<div class=\"print-turn\">\(speaker)<p class=\"withheld\">\(t.withheld(reason))</p></div>"
        }
        // Numbers go where each passage ends (clamped to the turn), in reading order.
        let marks = codings.map { (min($0.end, segment.end), numbers[$0.id] ?? 0) }.sorted { $0 < $1 }
        var text = SafeHTML()
        var position = segment.start
        for (offset, number) in marks {
            text += "\(view.text[position..<max(position, offset)])<sup class=\"print-ref\">[\(number)]</sup>"
            position = max(position, offset)
        }
        text += "\(view.text[position..<segment.end])"
        let list: SafeHTML = codings.isEmpty ? "" : "<ol class=\"print-codings\">\(codings.map { entry($0, number: numbers[$0.id]) })</ol>"
        return "<div class=\"print-turn\">\(speaker)<p class=\"print-text\">\(text)</p>\(list)</div>"
    }

    private func entry(_ coding: Coding, number: Int?) -> SafeHTML {
        let code = view.codebook[coding.codeID]?.name ?? coding.codeID
        var label = SafeHTML(), quote = SafeHTML(), memo = SafeHTML(), changed = SafeHTML()
        if let number { label = "<span class=\"print-ref\">[\(number)]</span> " }
        if !coding.quote.isEmpty { quote = " <q>\(coding.quote)</q>" }
        if let text = CodingMemoText.text(coding, t: t) { memo = "<br><span class=\"print-memo\">\(t("print.memo")): \(text)</span>" }
        if let editor = coding.updatedBy { changed = " · \(t("print.changedBy", ["coder": editor]))" }
        return "<li>\(label)<strong>\(code)</strong> (\(coding.codeID)) · \(t("print.codedBy", ["coder": coding.coder]))\(changed)\(quote)\(memo)</li>"
    }

    /// Codes of the document with their counts and coders.
    private func counts(_ codings: [Coding]) -> SafeHTML {
        let byCode = Dictionary(grouping: codings, by: \.codeID)
        guard !byCode.isEmpty else { return "<section aria-labelledby=\"print-codes\"><h2 id=\"print-codes\">\(t("tally.title"))</h2><p class=\"empty\">\(t("print.nothingCoded"))</p></section>" }
        let rows: [SafeHTML] = byCode.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.map { id, list in
            let coders = Array(Set(list.map(\.coder))).sorted().joined(separator: ", ")
            return "<tr><th scope=\"row\">\(view.codebook[id]?.name ?? id)</th><td>\(list.count)</td><td>\(coders)</td></tr>"
        }
        return """
            <section aria-labelledby="print-codes"><h2 id="print-codes">\(t("tally.title"))</h2>
            <table class="print-counts"><thead><tr><th scope="col">\(t("col.code"))</th><th scope="col">\(t("print.codings"))</th><th scope="col">\(t("print.coders"))</th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            """
    }
}

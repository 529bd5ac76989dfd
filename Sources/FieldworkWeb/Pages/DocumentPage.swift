import FieldworkCore
import FieldworkServices

/// `/documents/{id}`: the transcript to code, its orphaned codings and its memos.
struct DocumentPage {
    let view: DocumentView
    /// The memos the coder may see, and how many access withheld.
    let memos: VisibleMemos
    /// An orphan being re-attached (`?reattach=ID`): the page asks for its new passage.
    let reattaching: Coding?
    /// The recording the front matter names, if any, and whether it may be played.
    let recording: DocumentRecording
    let t: Localizer
    /// The study's time zone (an IANA name): the memos' times.
    var timeZone = "Europe/Stockholm"

    /// The page in parts: what comes before the transcript, the transcript (often kept whole
    /// from an earlier open), and what follows it; `Layout` writes them without joining them.
    func parts() -> [SafeHTML] {
        let metadata = view.document.metadata
        let facts = [t.documentType(metadata.type), metadata.date, metadata.language,
                     metadata.participants.isEmpty ? nil : t("document.participants") + ": " + metadata.participants.joined(separator: ", "),
                     metadata.administrations.isEmpty ? nil : t("document.administrations") + ": " + metadata.administrations.map(t.administration).joined(separator: ", ")]
            .compactMap { $0 }.map(SafeHTML.init(text:)).joined(separator: " · ")
        let player = RecordingPlayer(recording: recording, document: metadata, t: t)
        var html: SafeHTML = """
            <div class="document-head">
            <h1>\(metadata.title)</h1>
            <p class="facts">\(facts)</p>
            <p class="hint" id="coding-hint">\(t.html("document.hint", raw: ["key": "<kbd>C</kbd>"]))</p>
            \(player.render())
            </div>
            """
        if let coding = reattaching {
            let code: SafeHTML = "<strong>\(view.codebook[coding.codeID]?.name ?? coding.codeID)</strong>, \(coding.coder)"
            html += """
                <div class="banner reattach" id="reattach-banner" role="region" aria-labelledby="reattach-title" data-coding="\(coding.id)" data-version="\(coding.version)" data-start="\(coding.start)">
                <div class="banner-text">
                <p id="reattach-title">\(t.html("reattach.title", raw: ["code": code]))</p>
                \(OrphansPage.quote(coding, block: true, t: t))
                <p>\(t.html("reattach.instruction", raw: ["button": "<em>\(t.html("reattach.attach"))</em>"]))</p>
                </div>
                <div class="banner-actions">
                <button type="button" id="reattach-confirm" disabled>\(t.html("reattach.attach"))</button>
                <a href="/documents/\(metadata.id)">\(t.html("action.cancel"))</a>
                </div>
                </div>
                """
        }
        if view.codings.contains(where: { $0.status == .orphaned }) {  // most pages have none: no copy of the codings
            let orphans = view.orphanedCodings
            html += "<details class=\"orphans\" open><summary>\(t.count("document.orphans", orphans.count))</summary><ul>"
            for orphan in orphans {
                html += "<li data-coder=\"\(orphan.coder)\"><span class=\"code-dot\" data-code=\"\(orphan.codeID)\"></span>\(view.codebook[orphan.codeID]?.name ?? orphan.codeID): \(OrphansPage.quote(orphan, t: t)) <span class=\"orphan-coder\">\(orphan.coder)</span> <a href=\"?reattach=\(orphan.id)\">\(t.html("orphans.reattach"))</a></li>"
            }
            html += "</ul></details>"
        }
        html += "<div class=\"workbench\">"
        let transcript = TranscriptRenderer(view: view, playable: player.playable, t: t).render()
        let after: SafeHTML = """
            <aside id="panel" class="panel" hidden></aside>
            </div>
            """
        return [html, transcript, after + MemoListRenderer(memos: memos.memos, target: .document, targetID: metadata.id, t: t, withheld: memos.withheld, timeZone: timeZone).render()]
    }
}
